using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Truce.Access;
using Truce.Gazetteer;
using Truce.Storage;

namespace Truce.Tests.Humanitarian;

/// <summary>The registers' API and the readiness page over HTTP, each viewer seeing what its role may.</summary>
public sealed class ReadinessApiTests
{
    private static async Task PlaceAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Add(Places.At("az-testville", "Testville", PlaceKind.PopulatedPlace, 40.0, 46.0, "AZ"));
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> ReadinessAsync(HttpClient client)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/readiness/", TestContext.Current.CancellationToken);
        return Assert.Single(answer.EnumerateArray().ToList());
    }

    [Fact]
    public async Task A_partner_reports_services_and_the_public_assessment_rests_only_on_what_is_published()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await PlaceAsync(app);
        var partner = await app.ClientAsync("partner", Role.Humanitarian);
        var ct = TestContext.Current.CancellationToken;

        var water = await partner.PostAsJsonAsync("/api/services/", new { id = Guid.NewGuid(), place = "az-testville", service = "water", level = "unavailable", date = "2026-11-28", source = "Cluster", visibility = "internal" }, ct);
        Assert.Equal(HttpStatusCode.Created, water.StatusCode);
        foreach (var service in new[] { "electricity", "health" })
        {
            var ok = await partner.PostAsJsonAsync("/api/services/", new { id = Guid.NewGuid(), place = "az-testville", service, level = "available", date = "2026-11-28", source = "Cluster", visibility = "public" }, ct);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        // The partner sees its internal report: water out blocks.
        var seen = await ReadinessAsync(partner);
        Assert.Equal(("not_ready", 60), (seen.GetProperty("level").GetString(), seen.GetProperty("score").GetInt32()));
        var reason = Assert.Single(seen.GetProperty("reasons").EnumerateArray().ToList());
        Assert.Equal(("blocker", "service_unavailable", "water"), (reason.GetProperty("weight").GetString(), reason.GetProperty("code").GetString(), reason.GetProperty("subjectId").GetString()));

        // The public does not see the internal report: for it, water is not reported at all.
        var anonymous = app.CreateClient();
        var published = await ReadinessAsync(anonymous);
        Assert.Equal(("conditional", 90), (published.GetProperty("level").GetString(), published.GetProperty("score").GetInt32()));
        Assert.Equal("service_unknown", Assert.Single(published.GetProperty("reasons").EnumerateArray().ToList()).GetProperty("code").GetString());
        Assert.Equal(2, (await anonymous.GetFromJsonAsync<JsonElement>("/api/services/", ct)).GetArrayLength());

        var page = await anonymous.GetStringAsync("/readiness", ct);
        Assert.Contains("Testville", page, StringComparison.Ordinal);
        Assert.Contains("readiness-conditional", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_on_an_unknown_place_or_a_bad_release_is_refused_naming_the_field()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await PlaceAsync(app);
        var partner = await app.ClientAsync("partner", Role.Humanitarian);
        var ct = TestContext.Current.CancellationToken;

        var unknown = await partner.PostAsJsonAsync("/api/services/", new { id = Guid.NewGuid(), place = "az-nowhere", service = "water", level = "partial", date = "2026-11-28", source = "Cluster" }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("\"place\"", await unknown.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var area = Guid.NewGuid();
        await using (var db = app.Store.Open())
        {
            using var square = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[46,40],[46.01,40],[46.01,40.01],[46,40.01],[46,40]]]}""");
            Assert.True((await Truce.MineAction.HazardousAreas.AddAsync(db, Viewer.System, new() { Id = area, Name = "Field", Place = "az-testville", Area = square.RootElement.Clone() }, ct)).Succeeded);
        }
        var negative = await partner.PostAsJsonAsync($"/api/hazardous-areas/{area}/release", new { method = "cleared", areaM2 = -5, date = "2026-11-28" }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        Assert.Contains("areaM2", await negative.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        // Unreleased land at the place blocks return; released in full, it no longer does.
        Assert.Contains("hazard_at_place", (await ReadinessAsync(partner)).GetRawText(), StringComparison.Ordinal);
        var cleared = await partner.PostAsJsonAsync($"/api/hazardous-areas/{area}/release", new { method = "cleared", areaM2 = 1_000_000, date = "2026-11-28", complete = true }, ct);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.DoesNotContain("hazard_", (await ReadinessAsync(partner)).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_mission_shows_every_standing_on_the_readiness_page()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);
        var ct = TestContext.Current.CancellationToken;
        var analyst = await app.ClientAsync("analyst.readiness", Role.Analyst);

        var all = (await analyst.GetFromJsonAsync<JsonElement>("/api/readiness/", ct)).EnumerateArray().ToList();
        var aghdam = all.Single(a => a.GetProperty("name").GetString() == "Aghdam");
        Assert.Equal("not_ready", aghdam.GetProperty("level").GetString());
        var codes = aghdam.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("hazard_at_place", codes);
        Assert.Contains("service_unavailable", codes);
        Assert.Contains("asset_damaged", codes);
        Assert.Equal(8, all.Count);

        var page = await app.CreateClient().GetAsync("/readiness", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Aghdam", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
