using System.Net;
using Truce.Access;
using Truce.Activities;
using Truce.Geo;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Hotline;

/// <summary>The prior-notice flags counted in the metrics and drawn on the map, each viewer's from what it may see.</summary>
public sealed class PriorNoticeCountTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A demining notified by west round 39.80–39.85 N, 46.70–46.80 E on the morning of the 28th; inside it a published
    /// explosion (in a verified public incident) and an internal one; outside it a published military movement (in an
    /// incident under review), an internal movement, and a published explosion that nothing flags.
    /// </summary>
    private static async Task SeedAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Parties.AddRange(new Party { Id = "west", Name = "West" }, new Party { Id = "east", Name = "East" });
        db.Add(new NotifiedActivity
        {
            Id = Guid.NewGuid(), PartyId = "west", Kind = ActivityKind.Demining, Latitude = 39.825, Longitude = 46.75, MinLat = 39.80, MaxLat = 39.85,
            MinLon = 46.70, MaxLon = 46.80, AreaGeoJson = """{"type":"Polygon","coordinates":[[[46.70,39.80],[46.80,39.80],[46.80,39.85],[46.70,39.85],[46.70,39.80]]]}""",
            StartsAt = Morning.AddHours(-2), EndsAt = Morning.AddHours(4), NotifiedAt = Morning.AddDays(-3), NotifiedBy = "west1", SubmissionHash = "test",
        });
        Guid Incident(Category category, IncidentStatus status, double lat, double lon)
        {
            var incident = new Incident
            {
                Id = Guid.NewGuid(), Title = "t", Category = category, Status = status, StartsAt = Morning, EndsAt = Morning, Latitude = lat, Longitude = lon,
                LocationPrecisionM = 100, Cell = Geohash.Encode(lat, lon), ObservationCount = 1, SourceCount = 1, Visibility = Visibility.Public,
                CreatedAt = Morning, UpdatedAt = Morning, SubmissionHash = "test",
            };
            db.Incidents.Add(incident);
            return incident.Id;
        }
        void Observe(Category category, double lat, double lon, Visibility visibility, Guid? incident = null) => db.Observations.Add(new Observation
        {
            Id = Guid.NewGuid(), ObservedFrom = Morning, ObservedTo = Morning.AddMinutes(5), Latitude = lat, Longitude = lon, LocationPrecisionM = 100,
            Cell = Geohash.Encode(lat, lon), Category = category, Sensor = Sensor.Heard, Source = "patrol", Visibility = visibility, IncidentId = incident,
            ReceivedAt = Morning.AddHours(1), Narrative = "n",
        });
        Observe(Category.Explosion, 39.82, 46.75, Visibility.Public, Incident(Category.Explosion, IncidentStatus.Verified, 39.82, 46.75));
        Observe(Category.Explosion, 39.83, 46.76, Visibility.Internal);
        Observe(Category.MilitaryMovement, 39.95, 46.75, Visibility.Public, Incident(Category.MilitaryMovement, IncidentStatus.UnderReview, 39.95, 46.75));
        Observe(Category.MilitaryMovement, 39.97, 46.75, Visibility.Internal);
        Observe(Category.Explosion, 39.99, 46.75, Visibility.Public);
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_metrics_count_flagged_observations_and_incidents_from_what_each_viewer_sees(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);

        var mission = (await Json.ReadAsync(await analyst.GetAsync("/api/metrics?from=2026-11-28&to=2026-11-28"))).GetProperty("priorNotices");
        var anyone = (await Json.ReadAsync(await app.CreateClient().GetAsync("/api/metrics?from=2026-11-28&to=2026-11-28"))).GetProperty("priorNotices");
        var dayBefore = (await Json.ReadAsync(await analyst.GetAsync("/api/metrics?from=2026-11-27&to=2026-11-27"))).GetProperty("priorNotices");

        // The mission: two explosions inside the demining, two movements outside it; one incident of each.
        Assert.Equal((2, 2, 1, 1), Counts(mission));
        // The public: the internal observations are not theirs to count.
        Assert.Equal((1, 1, 1, 1), Counts(anyone));
        Assert.Equal((0, 0, 0, 0), Counts(dayBefore));
        var page = await (await app.SignInAsync("analyst2", Role.Analyst)).GetStringAsync("/metrics?from=2026-11-28&to=2026-11-28");
        Assert.Contains("Pre-notified: 1 incidents, 2 observations.", page, StringComparison.Ordinal);
        Assert.Contains("Not notified: 1 incidents, 2 observations.", page, StringComparison.Ordinal);
    }

    private static (int, int, int, int) Counts(System.Text.Json.JsonElement counts) => (
        counts.GetProperty("preNotifiedObservations").GetInt32(), counts.GetProperty("notNotifiedObservations").GetInt32(),
        counts.GetProperty("preNotifiedIncidents").GetInt32(), counts.GetProperty("notNotifiedIncidents").GetInt32());

    [Fact]
    public async Task The_map_layer_holds_each_flagged_observation_the_viewer_sees_and_no_unflagged_one()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);

        var mission = await Json.ReadAsync(await analyst.GetAsync("/api/activities/flags?from=2026-11-28&to=2026-11-28"));
        var anyone = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/activities/flags?from=2026-11-28&to=2026-11-28"));
        var bad = await app.CreateClient().GetAsync("/api/activities/flags?from=yesterday");

        static string[] Flags(System.Text.Json.JsonElement geo) =>
            [.. geo.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("flag").GetString()!).Order(StringComparer.Ordinal)];
        Assert.Equal(["not_notified", "not_notified", "pre_notified", "pre_notified"], Flags(mission));
        Assert.Equal(["not_notified", "pre_notified"], Flags(anyone));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["from"], await Json.ProblemFieldsAsync(bad));
    }
}
