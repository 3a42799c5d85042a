using System.Net;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.Hotline;

/// <summary>Pre-notified activities: the notification's rules field by field, late notice, and the flags on an incident's page.</summary>
public sealed class ActivityApiTests
{
    private const string Square = """{"type":"Polygon","coordinates":[[[46.70,39.80],[46.80,39.80],[46.80,39.85],[46.70,39.85],[46.70,39.80]]]}""";

    private static async Task<(TruceApp App, HttpClient West)> StartAsync(Engine engine = Engine.Sqlite)
    {
        var app = await TruceApp.StartAsync(engine);
        await using (var db = app.Store.Open())
        {
            db.Parties.AddRange(new Party { Id = "west", Name = "West" }, new Party { Id = "east", Name = "East" });
            await db.SaveChangesAsync();
        }
        return (app, await app.ClientAsync("west1", Role.Liaison, "west"));
    }

    private static StringContent Body(string area, string startsAt = "2026-12-02T09:00:00Z", string endsAt = "2026-12-02T15:00:00Z") => new(
        $$"""{"id":"{{Guid.NewGuid()}}","kind":"demining","area":{{area}},"startsAt":"{{startsAt}}","endsAt":"{{endsAt}}"}""",
        System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_polygon_notified_two_days_ahead_is_on_time_and_one_a_day_ahead_is_late(Engine engine)
    {
        var (app, west) = await StartAsync(engine);
        await using var _app = app;

        var onTime = await west.PostAsync("/api/activities", Body(Square, "2026-12-01T10:00:00Z", "2026-12-01T12:00:00Z"));
        var late = await west.PostAsync("/api/activities", Body(Square, "2026-11-30T09:00:00Z", "2026-11-30T12:00:00Z"));

        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        Assert.False((await Json.ReadAsync(onTime)).GetProperty("lateNotice").GetBoolean());
        Assert.True((await Json.ReadAsync(late)).GetProperty("lateNotice").GetBoolean());
        var listed = await Json.ReadAsync(await (await app.ClientAsync("east1", Role.Liaison, "east")).GetAsync("/api/activities"));
        Assert.Equal(2, listed.GetArrayLength());
    }

    public static TheoryData<string, string, string, string> BadNotifications => new()
    {
        // An unclosed ring: the last position does not repeat the first.
        { """{"type":"Polygon","coordinates":[[[46.70,39.80],[46.80,39.80],[46.80,39.85],[46.70,39.85]]]}""", "2026-12-02T09:00:00Z", "2026-12-02T15:00:00Z", "area.coordinates[0]" },
        // A bow tie: the ring crosses itself.
        { """{"type":"Polygon","coordinates":[[[46.70,39.80],[46.80,39.85],[46.80,39.80],[46.70,39.85],[46.70,39.80]]]}""", "2026-12-02T09:00:00Z", "2026-12-02T15:00:00Z", "area" },
        { """{"type":"Point","coordinates":[46.7,39.8]}""", "2026-12-02T09:00:00Z", "2026-12-02T15:00:00Z", "area" },
        { Square, "2026-12-02T15:00:00Z", "2026-12-02T09:00:00Z", "endsAt" },
        { Square, "2026-11-20T09:00:00Z", "2026-11-21T09:00:00Z", "endsAt" },
        { Square, "tomorrow", "2026-12-02T15:00:00Z", "startsAt" },
    };

    [Theory]
    [MemberData(nameof(BadNotifications))]
    public async Task A_bad_notification_is_refused_naming_its_field(string area, string startsAt, string endsAt, string field)
    {
        var (app, west) = await StartAsync();
        await using var _app = app;

        var response = await west.PostAsync("/api/activities", Body(area, startsAt, endsAt));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], await Json.ProblemFieldsAsync(response));
        Assert.Equal(0, (await Json.ReadAsync(await west.GetAsync("/api/activities"))).GetArrayLength());
    }

    [Fact]
    public async Task An_incident_inside_a_notified_demining_is_flagged_pre_notified_and_an_unnotified_movement_is_flagged_too()
    {
        var (app, west) = await StartAsync();
        await using var _app = app;
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/activities", Body(Square, "2026-11-29T06:00:00Z", "2026-11-29T12:00:00Z"))).StatusCode);
        var flags = new Dictionary<string, string?>();
        async Task<string> IncidentPageAsync(string category, double lat, double lon)
        {
            var observation = Json.Observation();
            (observation["category"], observation["latitude"], observation["longitude"]) = (category, lat, lon);
            await monitor.PostAsync("/api/observations", observation);
            var id = Guid.NewGuid();
            await analyst.PostAsync("/api/incidents", new { id, observationIds = new[] { observation["id"] } });
            var json = await Json.ReadAsync(await analyst.GetAsync($"/api/incidents/{id}"));
            flags[$"{category} {lat}"] = json.TryGetProperty("priorNotice", out var flag) ? flag.GetString() : null;
            var browser = await app.SignInAsync($"a{Guid.NewGuid():N}"[..12], Role.Analyst);
            return await browser.GetStringAsync($"/incidents/{id}");
        }

        var blast = await IncidentPageAsync("explosion", 39.82, 46.75);
        var movement = await IncidentPageAsync("military_movement", 39.95, 46.75);
        var outside = await IncidentPageAsync("explosion", 39.95, 46.75);

        Assert.Contains("notice-pre_notified", blast, StringComparison.Ordinal);
        Assert.Contains("notice-not_notified", movement, StringComparison.Ordinal);
        Assert.DoesNotContain("notice-", outside, StringComparison.Ordinal);
        // The API's incident says the same as its page.
        Assert.Equal("pre_notified", flags["explosion 39.82"]);
        Assert.Equal("not_notified", flags["military_movement 39.95"]);
        Assert.Null(flags["explosion 39.95"]);
    }
}
