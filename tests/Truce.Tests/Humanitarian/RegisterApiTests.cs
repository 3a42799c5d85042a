using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Gazetteer;
using Truce.Humanitarian;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Tests.Humanitarian;

/// <summary>Writing assets, damage, projects, devices and tasks over HTTP, and the registers as CSV, each viewer seeing what it may.</summary>
public sealed class RegisterApiTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_partner_records_an_asset_its_damage_and_repair_and_clearance_and_readiness_counts_the_damage(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var ct = TestContext.Current.CancellationToken;
        var area = Guid.NewGuid();
        await using (var db = app.Store.Open())
        {
            db.Add(Places.At("az-testville", "Testville", PlaceKind.PopulatedPlace, 40.0, 46.0, "AZ"));
            await db.SaveChangesAsync(ct);
            var square = JsonSerializer.Deserialize<JsonElement>("""{"type":"Polygon","coordinates":[[[46.2,40.2],[46.21,40.2],[46.21,40.21],[46.2,40.2]]]}""");
            Assert.True((await HazardousAreas.AddAsync(db, Viewer.System, new() { Id = area, Name = "Field", Area = square }, ct)).Succeeded);
        }
        var partner = await app.ClientAsync("partner", Role.Humanitarian);
        var asset = Guid.NewGuid();

        var created = await partner.PostAsJsonAsync("/api/assets/", new { id = asset, name = "Pumping station", kind = "water", place = "az-testville", visibility = "public" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal((40.0, 46.0), (json.GetProperty("latitude").GetDouble(), json.GetProperty("longitude").GetDouble()));
        var retry = await partner.PostAsJsonAsync("/api/assets/", new { id = asset, name = "Pumping station", kind = "water", place = "az-testville", visibility = "public" }, ct);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        var damage = await partner.PostAsJsonAsync("/api/damage-assessments/", new { id = Guid.NewGuid(), asset, level = "destroyed", date = "2026-11-20", source = "Survey" }, ct);
        Assert.Equal(HttpStatusCode.Created, damage.StatusCode);
        var project = await partner.PostAsJsonAsync("/api/rehabilitation-projects/", new { id = Guid.NewGuid(), asset, name = "Rebuild", status = "funded", budgetUsd = 90000, starts = "2026-12-01", ends = "2027-03-01" }, ct);
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        var devices = await partner.PostAsJsonAsync($"/api/hazardous-areas/{area}/devices", new { id = Guid.NewGuid(), deviceType = "anti-tank mine", count = 3, date = "2026-11-21" }, ct);
        Assert.Equal(HttpStatusCode.Created, devices.StatusCode);
        var task = await partner.PostAsJsonAsync($"/api/hazardous-areas/{area}/tasks", new { id = Guid.NewGuid(), organisation = "Team 3", starts = "2026-11-01" }, ct);
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);

        var anonymous = app.CreateClient();
        Assert.Equal(1, (await anonymous.GetFromJsonAsync<JsonElement>("/api/damage-assessments/", ct)).GetArrayLength());
        var layer = Assert.Single((await anonymous.GetFromJsonAsync<JsonElement>("/api/hazardous-areas/map", ct)).GetProperty("features").EnumerateArray().ToList());
        Assert.Equal(("Polygon", "suspected", area.ToString()), (layer.GetProperty("geometry").GetProperty("type").GetString(), layer.GetProperty("properties").GetProperty("status").GetString(), layer.GetProperty("id").GetString()));
        var readiness = Assert.Single((await anonymous.GetFromJsonAsync<JsonElement>("/api/readiness/", ct)).EnumerateArray().ToList());
        Assert.Contains(readiness.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "asset_damaged");
        await using (var db = app.Store.Open())
        {
            Assert.Equal(3, (await db.Set<DeviceFind>().SingleAsync(ct)).Count);
            Assert.Null((await db.Set<ClearanceTask>().SingleAsync(ct)).Ends);
            foreach (var entity in new[] { "infrastructure_asset", "damage_assessment", "rehabilitation_project", "device_find", "clearance_task" })
            {
                Assert.True(await db.Journal.CountAsync(e => e.Entity == entity, ct) == 1, entity);
            }
        }
    }

    [Fact]
    public async Task Bad_figures_are_refused_naming_the_field_and_a_monitor_may_not_write_the_registers()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = app.Store.Open())
        {
            db.Add(Places.At("az-testville", "Testville", PlaceKind.PopulatedPlace, 40.0, 46.0, "AZ"));
            await db.SaveChangesAsync(ct);
        }
        var partner = await app.ClientAsync("partner", Role.Humanitarian);
        var asset = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync("/api/assets/", new { id = asset, name = "Bridge", kind = "bridge", place = "az-testville" }, ct)).StatusCode);

        var negative = await partner.PostAsJsonAsync("/api/rehabilitation-projects/", new { id = Guid.NewGuid(), asset, name = "Fix", status = "planned", budgetUsd = -1, progressPercent = 140, starts = "2026-12-01", ends = "2026-11-01" }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        var body = await negative.Content.ReadAsStringAsync(ct);
        foreach (var field in new[] { "\"budgetUsd\"", "\"progressPercent\"", "\"ends\"" })
        {
            Assert.Contains(field, body, StringComparison.Ordinal);
        }
        var unknownAsset = await partner.PostAsJsonAsync("/api/damage-assessments/", new { id = Guid.NewGuid(), asset = Guid.NewGuid(), level = "light", date = "2026-11-20", source = "S" }, ct);
        Assert.Contains("\"asset\"", await unknownAsset.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var badKind = await partner.PostAsJsonAsync("/api/assets/", new { id = Guid.NewGuid(), name = "X", kind = "castle", place = "az-testville", latitude = 40.0 }, ct);
        var badBody = await badKind.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badKind.StatusCode);
        Assert.Contains("\"kind\"", badBody, StringComparison.Ordinal);
        Assert.Contains("\"longitude\"", badBody, StringComparison.Ordinal);

        var monitor = await app.ClientAsync("monitor", Role.Monitor);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync("/api/assets/", new { id = Guid.NewGuid(), name = "B", kind = "bridge", place = "az-testville" }, ct)).StatusCode);
    }

    [Fact]
    public async Task The_register_CSV_holds_only_what_the_viewer_may_read_and_an_unknown_register_is_named()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = app.Store.Open())
        {
            db.Add(Places.At("az-testville", "Testville", PlaceKind.PopulatedPlace, 40.0, 46.0, "AZ"));
            await db.SaveChangesAsync(ct);
        }
        var partner = await app.ClientAsync("partner", Role.Humanitarian);
        foreach (var (visibility, source) in new[] { ("public", "Published"), ("internal", "Kept") })
        {
            var posted = await partner.PostAsJsonAsync("/api/services/", new { id = Guid.NewGuid(), place = "az-testville", service = "water", level = "partial", date = "2026-11-28", source, visibility }, ct);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        var anonymous = app.CreateClient();
        var open = await anonymous.GetStringAsync("/api/registers/services.csv?hxl=1", ct);
        var lines = open.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("#meta+id,#loc+code,#loc+name,#adm1+name,#geo+lat,#geo+lon", lines[1], StringComparison.Ordinal);
        Assert.Contains("Published", lines[2], StringComparison.Ordinal);
        var all = await partner.GetStringAsync("/api/registers/services.csv", ct);
        Assert.Contains("Kept", all, StringComparison.Ordinal);
        Assert.DoesNotContain("#meta+id", all, StringComparison.Ordinal);

        var unknown = await anonymous.GetAsync("/api/registers/castles.csv", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("castles", await unknown.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
