using Truce.Geo;
using Truce.Monitoring;

namespace Truce.Verification;

/// <summary>
/// Which observations describe the same event. Two may when their categories are compatible, their times
/// are within a window and their places within a distance that both grow with each one's own precision,
/// and they are not two rows of one dataset (a dataset codes its rows as distinct events). An observation
/// located or dated too coarsely to stand for a point (a province centroid, a month) is never clustered: it
/// is offered as a candidate to the clusters it could belong to. Clusters are the connected components of
/// the match graph, joined along the shortest links first and never joining two rows of one dataset, so
/// the result depends on the observations only, not on the order they arrived in.
/// </summary>
public static class Corroborator
{
    /// <summary>Located no better than this (metres), an observation is an area, not a point.</summary>
    public const int CoarseLocationM = 10_000;

    /// <summary>Two exactly placed reports of one event still differ by this much (metres).</summary>
    public const double BaseRadiusM = 1_000;

    /// <summary>Two exactly timed reports of one event still differ by this much.</summary>
    public static readonly TimeSpan BaseWindow = TimeSpan.FromMinutes(15);

    // Categories that one event is often reported under: a shell is heard as an explosion, seen in flight,
    // and found as damage or harm; gunfire is told apart by ear only roughly; a weapon seen moving is movement.
    private static readonly Category[][] Families =
    [
        [Category.Explosion, Category.ProjectileInFlight, Category.InfrastructureDamage, Category.CivilianHarm, Category.MineUxo],
        [Category.SmallArmsFire, Category.HeavyMachineGunFire, Category.CivilianHarm],
        [Category.WeaponInViolation, Category.MilitaryMovement],
    ];

    public static bool IsCoarse(Sighting s) => s.LocationPrecisionM > CoarseLocationM || s.TimePrecision >= TimePrecision.Week;

    public static bool Compatible(Category a, Category b) => a == b || Families.Any(f => f.Contains(a) && f.Contains(b));

    public static double RadiusM(Sighting a, Sighting b) => BaseRadiusM + a.LocationPrecisionM + b.LocationPrecisionM;

    public static TimeSpan Window(Sighting a, Sighting b) => BaseWindow + a.TimePrecision.Uncertainty() + b.TimePrecision.Uncertainty();

    /// <summary>Whether two observations may describe the same event (their coarseness aside).</summary>
    public static bool Matches(Sighting a, Sighting b)
    {
        if (a.Id == b.Id || !Compatible(a.Category, b.Category) || (a.Dataset is not null && a.Dataset == b.Dataset))
        {
            return false;
        }
        var gap = (a.From > b.From ? a.From : b.From) - (a.To < b.To ? a.To : b.To);
        return gap <= Window(a, b) && GeoMath.DistanceM(a.Latitude, a.Longitude, b.Latitude, b.Longitude) <= RadiusM(a, b);
    }

    /// <summary>
    /// Who stands behind a report, for counting independent sources. The declared source is free text, so it counts
    /// only within its submitter: every report a party's liaison sends is that party, whatever source it names (three
    /// reports labelled "user:monitor.alpha", "Patrol A-1" and "Camera CP-2" by one liaison are one source); the
    /// mission's staff and its imports, whom the mission answers for, are told apart by the source they declare.
    /// </summary>
    public static string IndependentSource(string source, string? party) => party is null ? $"mission\n{source}" : $"party\n{party}";

    /// <summary>Independent sources among observations: two reports by one patrol, or by one party, are one source.</summary>
    public static int Sources(IEnumerable<Sighting> sightings) => sightings.Select(s => s.IndependentSource).Distinct(StringComparer.Ordinal).Count();

    /// <inheritdoc cref="Sources(IEnumerable{Sighting})"/>
    public static int Sources(IEnumerable<Observation> observations) =>
        observations.Select(o => IndependentSource(o.Source, o.SubmittedByPartyId)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// Where to look for the observations that may match this one: a circle and a time span wide enough for
    /// any point-like partner. The incremental path asks the cell index for exactly this.
    /// </summary>
    public static (Area Area, DateTimeOffset From, DateTimeOffset To) Neighbourhood(Sighting s)
    {
        var widest = BaseWindow + s.TimePrecision.Uncertainty() + TimePrecision.Day.Uncertainty();
        return (Area.Circle(s.Latitude, s.Longitude, BaseRadiusM + s.LocationPrecisionM + CoarseLocationM), s.From - widest, s.To + widest);
    }

    /// <summary>
    /// The clusters of a set of observations, each with the coarse observations that could belong to it, in a
    /// canonical order (earliest first, then by id). Every point-like observation is in exactly one cluster.
    /// </summary>
    public static IReadOnlyList<Cluster> Cluster(IReadOnlyList<Sighting> sightings)
    {
        var points = sightings.Where(s => !IsCoarse(s)).OrderBy(s => s.Id).ToArray();
        var coarse = sightings.Where(IsCoarse).OrderBy(s => s.Id).ToArray();
        var edges = Edges(points);
        // Join along the shortest links first (ties by ids): a canonical order, so arrival order cannot matter.
        edges.Sort((x, y) => x.DistanceM != y.DistanceM ? x.DistanceM.CompareTo(y.DistanceM) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var parent = Enumerable.Range(0, points.Length).ToArray();
        var datasets = points.Select(p => p.Dataset is null ? null : new HashSet<string>(StringComparer.Ordinal) { p.Dataset }).ToArray();
        foreach (var (a, b, _) in edges)
        {
            var (ra, rb) = (Find(parent, a), Find(parent, b));
            if (ra == rb || (datasets[ra] is { } da && datasets[rb] is { } db && da.Overlaps(db)))
            {
                continue;
            }
            var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
            parent[child] = root;
            if (datasets[child] is { } moved)
            {
                (datasets[root] ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(moved);
            }
        }
        var groups = Enumerable.Range(0, points.Length).GroupBy(i => Find(parent, i))
            .Select(g => g.Select(i => points[i]).ToList()).ToList();
        var clusters = new List<Cluster>(groups.Count);
        foreach (var members in groups)
        {
            var candidates = coarse.Where(c => members.Any(m => Matches(c, m))).Select(c => c.Id).ToList();
            clusters.Add(new Cluster(
                [.. members.OrderBy(m => m.From).ThenBy(m => m.Id).Select(m => m.Id)],
                Sources(members),
                candidates,
                members.Min(m => m.From)));
        }
        return [.. clusters.OrderBy(c => c.StartsAt).ThenBy(c => c.Members[0])];
    }

    private static List<(int A, int B, double DistanceM)> Edges(Sighting[] points)
    {
        var edges = new List<(int, int, double)>();
        if (points.Length < 2)
        {
            return edges;
        }
        var widest = BaseRadiusM + (2.0 * points.Max(p => p.LocationPrecisionM));
        var grid = new PointGrid([.. points.Select(p => p.Latitude)], [.. points.Select(p => p.Longitude)], widest);
        Span<(int, int)> around = stackalloc (int, int)[9];
        for (var i = 0; i < points.Length; i++)
        {
            var found = grid.Around(points[i].Latitude, points[i].Longitude, around);
            for (var s = 0; s < found; s++)
            {
                for (var k = around[s].Item1; k < around[s].Item2; k++)
                {
                    var j = grid.Order[k];
                    if (j > i && Matches(points[i], points[j]))
                    {
                        edges.Add((i, j, GeoMath.DistanceM(points[i].Latitude, points[i].Longitude, points[j].Latitude, points[j].Longitude)));
                    }
                }
            }
        }
        return edges;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}

/// <summary>Observations the rules take for one event, how many independent sources they have, and the coarse ones that may belong.</summary>
public sealed record Cluster(IReadOnlyList<Guid> Members, int SourceCount, IReadOnlyList<Guid> Candidates, DateTimeOffset StartsAt);
