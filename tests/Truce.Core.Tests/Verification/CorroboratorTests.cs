using FsCheck;
using FsCheck.Fluent;
using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Core.Tests.Verification;

public sealed class CorroboratorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Sighting At(double lat, double lon, int minutes = 0, string source = "Patrol A-1", Category category = Category.Explosion,
        int precisionM = 200, TimePrecision time = TimePrecision.Exact, string? datasetRow = null) =>
        new(Guid.NewGuid(), Noon.AddMinutes(minutes), Noon.AddMinutes(minutes), time, lat, lon, precisionM, category, source, datasetRow);

    [Fact]
    public void A_party_is_one_source_whatever_sources_its_liaison_declares()
    {
        // Issue 7, item 9: a liaison labels its own reports as if they came from the mission's monitors.
        var forged = new[] { "user:monitor.alpha", "Patrol A-1", "Camera CP-2" }
            .Select((source, i) => At(40.90 + (i * 0.001), 45.150, i, source) with { Party = "west" }).ToList();
        var patrol = At(40.90, 45.151, 4, "Patrol A-1");
        var otherSide = At(40.901, 45.150, 5, "Patrol A-1") with { Party = "east" };

        var cluster = Assert.Single(Corroborator.Cluster([.. forged, patrol, otherSide]));

        Assert.Equal(1, Corroborator.Sources(forged));
        Assert.Equal(3, cluster.SourceCount);
        Assert.Equal(2, Corroborator.Sources([patrol, At(40.90, 45.15, 6, "Camera CP-2")]));
    }

    [Fact]
    public void Reports_of_one_event_cluster_and_count_each_source_once()
    {
        var patrol1 = At(40.90, 45.150, 0, "Patrol A-1");
        var patrol2 = At(40.901, 45.151, 3, "Patrol A-1");
        var camera = At(40.902, 45.149, 5, "Camera CP-2", Category.ProjectileInFlight);
        var elsewhere = At(40.95, 45.150, 5, "Camera CP-3");   // 5.6 km north: beyond 1 km + 200 m + 200 m
        var later = At(40.90, 45.150, 120, "Patrol B-1");      // two hours later

        var clusters = Corroborator.Cluster([later, patrol2, elsewhere, camera, patrol1]);

        var together = Assert.Single(clusters, c => c.Members.Count > 1);
        Assert.Equal(new[] { patrol1.Id, patrol2.Id, camera.Id }.Order(), together.Members.Order());
        Assert.Equal(2, together.SourceCount);
        Assert.Equal(3, clusters.Count);
    }

    [Fact]
    public void Incompatible_categories_do_not_cluster()
    {
        var explosion = At(40.9, 45.15, 0, "Patrol A-1");
        var movement = At(40.9, 45.15, 0, "Camera CP-2", Category.MilitaryMovement);

        Assert.Equal(2, Corroborator.Cluster([explosion, movement]).Count);
    }

    [Fact]
    public void An_observation_known_only_to_a_province_or_a_month_is_a_candidate_never_a_member()
    {
        var patrol = At(40.90, 45.15, 0, "Patrol A-1");
        var camera = At(40.90, 45.15, 2, "Camera CP-2");
        var province = At(40.80, 45.30, 0, "Partner NGO", precisionM: 40_000);
        var month = At(40.90, 45.15, 0, "Media", time: TimePrecision.Month);

        var clusters = Corroborator.Cluster([patrol, camera, province, month]);

        var cluster = Assert.Single(clusters);
        Assert.Equal(new[] { patrol.Id, camera.Id }.Order(), cluster.Members.Order());
        Assert.Equal(new[] { province.Id, month.Id }.Order(), cluster.Candidates.Order());
    }

    [Fact]
    public void Rows_of_one_dataset_never_merge_though_each_corroborates_other_sources()
    {
        var ged1 = At(40.900, 45.150, 0, "UCDP GED", datasetRow: "1001");
        var ged2 = At(40.901, 45.150, 0, "UCDP GED", datasetRow: "1002");
        var patrol = At(40.9004, 45.150, 1, "Patrol A-1");
        var camera = At(40.9009, 45.150, 1, "Camera CP-2");

        var clusters = Corroborator.Cluster([ged1, ged2, patrol, camera]);

        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.Single(c.Members, m => m == ged1.Id || m == ged2.Id));
        // The patrol is nearer the first row, the camera nearer the second.
        Assert.Contains(clusters, c => c.Members.Order().SequenceEqual(new[] { ged1.Id, patrol.Id }.Order()));
        Assert.Contains(clusters, c => c.Members.Order().SequenceEqual(new[] { ged2.Id, camera.Id }.Order()));
    }

    private static Gen<double> Between(double min, double max) => Gen.Choose(0, 100_000).Select(v => min + ((max - min) * v / 100_000.0));

    private static readonly Gen<Sighting[]> Scenes =
        from count in Gen.Choose(2, 60)
        from items in Gen.ArrayOf(
            from lat in Between(40.90, 40.96)
            from lon in Between(45.10, 45.18)
            from minutes in Gen.Choose(0, 240)
            from source in Gen.Elements("Patrol A-1", "Patrol B-2", "Camera CP-2", "UCDP GED")
            from row in Gen.Choose(1, 1_000_000)
            from category in Gen.Elements(Category.Explosion, Category.ProjectileInFlight, Category.SmallArmsFire, Category.MilitaryMovement)
            from precision in Gen.Elements(50, 200, 1_000, 3_000, 25_000)
            from time in Gen.Elements(TimePrecision.Exact, TimePrecision.Hour, TimePrecision.Day, TimePrecision.Month)
            select At(lat, lon, minutes, source, category, precision, time, source == "UCDP GED" ? row.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
            count)
        select items;

    private static string Canonical(IReadOnlyList<Cluster> clusters) => string.Join("|", clusters
        .Select(c => string.Join(",", c.Members.Order()) + "/" + string.Join(",", c.Candidates.Order())).Order());

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property The_clusters_do_not_depend_on_arrival_order() =>
        Prop.ForAll(Scenes.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (scene, seed) =>
        {
            var shuffled = scene.ToArray();
            new Random(seed).Shuffle(shuffled);
            return Canonical(Corroborator.Cluster(scene)) == Canonical(Corroborator.Cluster(shuffled));
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Every_cluster_is_connected_by_matches_and_holds_no_two_rows_of_one_dataset() =>
        Prop.ForAll(Scenes.ToArbitrary(), scene =>
        {
            var byId = scene.ToDictionary(s => s.Id);
            var clusters = Corroborator.Cluster(scene);
            var pointLike = scene.Where(s => !Corroborator.IsCoarse(s)).Select(s => s.Id).Order();
            return clusters.SelectMany(c => c.Members).Order().SequenceEqual(pointLike)
                && clusters.All(c =>
                {
                    var members = c.Members.Select(m => byId[m]).ToList();
                    var rows = members.Where(m => m.Dataset is not null).GroupBy(m => m.Dataset).All(g => g.Count() == 1);
                    return rows && Connected(members) && c.SourceCount == members.Select(m => m.Source).Distinct().Count();
                });
        });

    private static bool Connected(List<Sighting> members)
    {
        var reached = new HashSet<Guid> { members[0].Id };
        var stack = new Stack<Sighting>([members[0]]);
        while (stack.TryPop(out var s))
        {
            foreach (var m in members.Where(m => !reached.Contains(m.Id) && Corroborator.Matches(s, m)))
            {
                reached.Add(m.Id);
                stack.Push(m);
            }
        }
        return reached.Count == members.Count;
    }
}
