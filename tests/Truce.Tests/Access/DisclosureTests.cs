using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.Access;

/// <summary>Assessments keep their own visibility, and every summary is computed from what its viewer may see.</summary>
public sealed class DisclosureTests
{
    [Fact]
    public async Task Publishing_an_incident_publishes_neither_its_internal_assessments_nor_staff_names()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst.demo", Role.Analyst);
        var body = Json.Observation();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", body)).StatusCode);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/incidents", new { id, observationIds = new[] { body["id"] } })).StatusCode);
        await AssessAsync(analyst, id, "Internal: the informant in the village says so.", null);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await AssessAsync(analyst, id, "Two patrols heard it.", "public");

        var seen = await app.CreateClient().GetStringAsync($"/api/incidents/{id}");
        var page = await app.CreateClient().GetStringAsync($"/incidents/{id}");
        var staff = await Json.ReadAsync(await analyst.GetAsync($"/api/incidents/{id}"));

        Assert.Equal(1, (await Json.ReadAsync(await app.CreateClient().GetAsync($"/api/incidents/{id}"))).GetProperty("assessments").GetArrayLength());
        Assert.Contains("Two patrols heard it.", seen, StringComparison.Ordinal);
        foreach (var text in new[] { seen, page })
        {
            Assert.DoesNotContain("informant", text, StringComparison.Ordinal);
            Assert.DoesNotContain("analyst.demo", text, StringComparison.Ordinal);
        }
        Assert.Contains("Two patrols heard it.", page, StringComparison.Ordinal);
        Assert.Equal(2, staff.GetProperty("assessments").GetArrayLength());
        Assert.Equal("analyst.demo", staff.GetProperty("assessments")[0].GetProperty("analyst").GetString());
    }

    [Fact]
    public async Task A_liaison_sees_a_shared_incident_placed_timed_and_counted_only_by_the_reports_it_may_see()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await using (var db = app.Store.Open())
        {
            db.Parties.AddRange(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory }, new Party { Id = "east", Name = "East", Kind = PartyKind.Signatory });
            await db.SaveChangesAsync();
        }
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var east = await app.ClientAsync("east1", Role.Liaison, "east");
        // West's internal report is the more precise one, so the mission's incident is placed and started by it.
        var westReport = Json.Observation();
        (westReport["latitude"], westReport["longitude"], westReport["locationPrecisionM"], westReport["observedAt"]) = (39.9, 46.9, 10, "2026-11-29T05:00:00Z");
        westReport["visibility"] = "internal";
        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/observations", westReport)).StatusCode);
        var shared = Json.Observation();
        (shared["latitude"], shared["longitude"], shared["locationPrecisionM"], shared["observedAt"]) = (39.8, 46.7, 500, "2026-11-29T06:00:00Z");
        shared["visibility"] = "parties";
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", shared)).StatusCode);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/incidents",
            new { id, observationIds = new[] { westReport["id"], shared["id"] }, visibility = "parties" })).StatusCode);

        var byEast = await Json.ReadAsync(await east.GetAsync($"/api/incidents/{id}"));
        var listed = (await Json.ReadAsync(await east.GetAsync("/api/incidents"))).GetProperty("items").EnumerateArray().Single();
        var byWest = await Json.ReadAsync(await west.GetAsync($"/api/incidents/{id}"));

        foreach (var incident in new[] { byEast, listed })
        {
            Assert.Equal(1, incident.GetProperty("observationCount").GetInt32());
            Assert.Equal(39.8, incident.GetProperty("latitude").GetDouble());
            Assert.Equal(46.7, incident.GetProperty("longitude").GetDouble());
            Assert.Equal(DateTimeOffset.Parse("2026-11-29T06:00:00Z", CultureInfo.InvariantCulture), incident.GetProperty("startsAt").GetDateTimeOffset());
        }
        Assert.Equal(1, byEast.GetProperty("observationIds").GetArrayLength());
        Assert.Equal(2, byWest.GetProperty("observationCount").GetInt32());
        Assert.Equal(39.9, byWest.GetProperty("latitude").GetDouble());
    }

    [Fact]
    public async Task Public_zone_metrics_place_an_incident_where_the_public_zone_filter_finds_it()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var body = Json.Observation();
        (body["latitude"], body["longitude"], body["locationPrecisionM"], body["visibility"]) = (39.81234, 46.75321, 20, "public");
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", body)).StatusCode);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/incidents", new { id, observationIds = new[] { body["id"] }, visibility = "public" })).StatusCode);
        var shown = await Json.ReadAsync(await app.CreateClient().GetAsync($"/api/incidents/{id}"));
        var (lat, lon) = (shown.GetProperty("latitude").GetDouble(), shown.GetProperty("longitude").GetDouble());
        Assert.True(Truce.Geo.GeoMath.DistanceM(39.81234, 46.75321, lat, lon) > 200, "the test needs the shown position away from the real one");
        // A zone around the shown position only: the real one lies outside it.
        await using (var db = app.Store.Open())
        {
            db.Zones.Add(new Zone
            {
                Id = "z1", Name = "Zone 1",
                GeometryJson = FormattableString.Invariant($$"""{"type":"Polygon","coordinates":[[[{{lon - 0.001}},{{lat - 0.001}}],[{{lon + 0.001}},{{lat - 0.001}}],[{{lon + 0.001}},{{lat + 0.001}}],[{{lon - 0.001}},{{lat + 0.001}}],[{{lon - 0.001}},{{lat - 0.001}}]]]}"""),
            });
            await db.SaveChangesAsync();
        }

        var listed = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/incidents?zone=z1"));
        var metrics = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/metrics?groupBy=zone&status=any&from=2026-11-28T00:00:00Z&to=2026-11-30T00:00:00Z"));
        var zone = metrics.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "z1");

        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(1, zone.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_signed_out_dashboard_counts_a_published_report_in_an_internal_incident_as_awaiting_corroboration()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var body = Json.Observation();
        body["visibility"] = "public";
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/incidents", new { id = Guid.NewGuid(), observationIds = new[] { body["id"] } })).StatusCode);

        var page = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("<span class=\"number\">1</span> observation<", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"number\">1</span> awaiting corroboration", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_posting_another_users_exact_body_never_returns_that_users_record()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var first = await app.ClientAsync("monitor1", Role.Monitor);
        var second = await app.ClientAsync("monitor2", Role.Monitor);
        var body = Json.Observation();
        Assert.Equal(HttpStatusCode.Created, (await first.PostAsync("/api/observations", body)).StatusCode);

        using var replayed = await second.PostAsync("/api/observations", body);
        using var retried = await first.PostAsync("/api/observations", body);

        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.DoesNotContain("Two explosions", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task A_published_observation_does_not_name_the_internal_incident_it_belongs_to()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var body = Json.Observation();
        body["visibility"] = "public";
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", body)).StatusCode);
        var incident = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/incidents", new { id = incident, observationIds = new[] { body["id"] } })).StatusCode);
        var partner = await app.ClientAsync("partner", Role.Humanitarian);

        foreach (var client in new[] { app.CreateClient(), partner })
        {
            var one = await client.GetStringAsync($"/api/observations/{body["id"]}");
            var list = await client.GetStringAsync("/api/observations");
            var csv = await client.GetStringAsync("/api/exports/observations.csv");
            Assert.Contains(body["id"]!.ToString()!, list, StringComparison.Ordinal);
            foreach (var text in new[] { one, list, csv })
            {
                Assert.DoesNotContain(incident.ToString(), text, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.Contains(incident.ToString(), await analyst.GetStringAsync($"/api/observations/{body["id"]}"), StringComparison.Ordinal);
    }

    private static async Task AssessAsync(HttpClient analyst, Guid incident, string rationale, string? visibility) =>
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/incidents/{incident}/assessments",
            new { id = Guid.NewGuid(), sourceReliability = "B", informationCredibility = 3, rationale, visibility })).StatusCode);
}
