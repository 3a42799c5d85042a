using System.Net;
using Truce.Access;
using Truce.Geo;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Verification;

public sealed class MetricsApiTests
{
    // The test clock stands at 2026-11-29 10:00 UTC; the reports ask for the day 2026-11-28, so the previous period is 2026-11-27.
    private static async Task SeedAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Parties.Add(new Party { Id = "east", Name = "Eastern forces", Kind = PartyKind.Signatory });
        db.Zones.Add(new Zone
        {
            Id = "north", Name = "Northern buffer", Kind = ZoneKind.Buffer,
            GeometryJson = """{"type":"Polygon","coordinates":[[[45.0,40.8],[45.5,40.8],[45.5,41.1],[45.0,41.1],[45.0,40.8]]]}""",
        });
        void Add(string at, Category category, IncidentStatus status, double lat = 40.9, string? party = null, Visibility visibility = Visibility.Public)
        {
            var when = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
            db.Incidents.Add(new Incident
            {
                Id = Guid.NewGuid(), Title = "t", Category = category, Status = status, StartsAt = when, EndsAt = when, Latitude = lat, Longitude = 45.2,
                LocationPrecisionM = 100, Cell = Geohash.Encode(lat, 45.2), ObservationCount = 1, SourceCount = 1, Visibility = visibility,
                AttributedPartyId = party, CreatedAt = when, UpdatedAt = when,
            });
        }
        Add("2026-11-28T01:00:00Z", Category.Explosion, IncidentStatus.Verified, party: "east");
        Add("2026-11-28T05:00:00Z", Category.Explosion, IncidentStatus.Verified, party: "east");
        Add("2026-11-28T23:59:00Z", Category.Explosion, IncidentStatus.UnderReview, lat: 39.5);
        Add("2026-11-28T12:00:00Z", Category.SmallArmsFire, IncidentStatus.UnderReview);
        Add("2026-11-28T12:00:00Z", Category.SmallArmsFire, IncidentStatus.Reported);          // not yet reviewed: not counted
        Add("2026-11-28T12:00:00Z", Category.SmallArmsFire, IncidentStatus.Rejected);          // rejected: not counted
        Add("2026-11-28T13:00:00Z", Category.Explosion, IncidentStatus.Verified, visibility: Visibility.Internal);
        Add("2026-11-29T00:00:00Z", Category.Explosion, IncidentStatus.Verified);              // today: outside the period
        Add("2026-11-27T08:00:00Z", Category.Explosion, IncidentStatus.Verified);
        Add("2026-11-27T09:00:00Z", Category.SmallArmsFire, IncidentStatus.Verified, party: "east");
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Metrics_count_verified_and_reviewed_violations_against_the_previous_period(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);

        var byCategory = await Json.ReadAsync(await analyst.GetAsync("/api/metrics?from=2026-11-28&to=2026-11-28&groupBy=category"));
        var publicView = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/metrics?from=2026-11-28&to=2026-11-28&groupBy=party"));
        var byZone = await Json.ReadAsync(await analyst.GetAsync("/api/metrics?from=2026-11-28&to=2026-11-28&groupBy=zone"));
        var everyStatus = await Json.ReadAsync(await analyst.GetAsync("/api/metrics?from=2026-11-28&to=2026-11-28&status=any"));

        Assert.Equal("Recorded 5 ceasefire violations, including 4 explosions, against 2 in the previous period.", byCategory.GetProperty("summary").GetString());
        var rows = byCategory.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => (r.GetProperty("count").GetInt32(), r.GetProperty("previous").GetInt32()));
        Assert.Equal((4, 1), rows["explosion"]);
        Assert.Equal((1, 1), rows["small_arms_fire"]);
        // The public does not see the internal incident.
        Assert.Equal(4, publicView.GetProperty("total").GetInt32());
        var parties = publicView.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal(2, parties["Eastern forces"]);
        Assert.Equal(2, parties["Not attributed"]);
        var zones = byZone.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal(4, zones["north"]);
        Assert.Equal(1, zones[""]);
        Assert.Equal(7, everyStatus.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Metrics_download_as_csv_and_show_on_a_page_with_a_chart()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var client = app.CreateClient();

        var csv = await client.GetAsync("/api/metrics?from=2026-11-27T00:00:00Z&to=2026-11-29T00:00:00Z&groupBy=day&format=csv");
        var page = await client.GetStringAsync("/metrics?from=2026-11-28&to=2026-11-28&groupBy=category");
        var bad = await client.GetAsync("/api/metrics?groupBy=week");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["day,label,count,previous,change", "2026-11-27,2026-11-27,2,0,2", "2026-11-28,2026-11-28,4,0,4"], lines);
        Assert.Contains("Recorded 4 ceasefire violations, including 3 explosions, against 2 in the previous period.", page, StringComparison.Ordinal);
        Assert.Contains("<canvas id=\"metrics-chart\"", page, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/chart.js/chart.umd.min.js")).StatusCode);
        Assert.Equal(["groupBy"], await Json.ProblemFieldsAsync(bad));
    }
}
