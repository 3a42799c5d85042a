using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Gazetteer;
using Truce.Humanitarian;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Tests.Humanitarian;

/// <summary>
/// The register pages' forms (assets, damage, projects, devices found, clearance tasks): posted by a writer they store
/// and journal the record through the API's Core call; a role that may not write is refused; bad input is shown again
/// beside its form naming the field, and nothing is stored.
/// </summary>
public sealed class RegisterFormTests
{
    private static readonly Guid Area = Guid.Parse("0b7e5000-0000-4000-8000-000000000001");

    private static async Task<TruceApp> StartAsync(Engine engine)
    {
        var app = await TruceApp.StartAsync(engine);
        await using var db = app.Store.Open();
        db.Add(Places.At("az-testville", "Testville", PlaceKind.PopulatedPlace, 40.0, 46.0, "AZ"));
        db.Parties.Add(new Truce.Mission.Party { Id = "west", Name = "West", Kind = Truce.Mission.PartyKind.Signatory });
        await db.SaveChangesAsync();
        var square = JsonSerializer.Deserialize<JsonElement>("""{"type":"Polygon","coordinates":[[[46.2,40.2],[46.21,40.2],[46.21,40.21],[46.2,40.2]]]}""");
        Assert.True((await HazardousAreas.AddAsync(db, Viewer.System, new() { Id = Area, Name = "North field", Area = square })).Succeeded);
        return app;
    }

    /// <summary>Posts a page's form as a browser would: the antiforgery token read from the page it is on.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Forms.TokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Each_form_posted_by_a_partner_stores_and_journals_its_record_under_the_partner(Engine engine)
    {
        await using var app = await StartAsync(engine);
        var ct = TestContext.Current.CancellationToken;
        var partner = await app.SignInAsync("partner", Role.Humanitarian);
        var (asset, damage, project, find, task) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var posted = new (string Action, string Back, Dictionary<string, string> Fields)[]
        {
            ("/registers/infrastructure/assets", "/registers/infrastructure#assets",
                new() { ["id"] = $"{asset}", ["name"] = "Pumping station", ["kind"] = "water", ["place"] = "az-testville", ["latitude"] = "40,01", ["longitude"] = "46.01", ["visibility"] = "public" }),
            ("/registers/infrastructure/damage", "/registers/infrastructure#damage",
                new() { ["id"] = $"{damage}", ["asset"] = $"{asset}", ["level"] = "severe", ["date"] = "2026-11-20", ["source"] = "Joint survey" }),
            ("/registers/infrastructure/projects", "/registers/infrastructure#projects",
                new() { ["id"] = $"{project}", ["asset"] = $"{asset}", ["name"] = "New pumps", ["status"] = "funded", ["progressPercent"] = "10", ["budgetUsd"] = "90000", ["funder"] = "Trust fund", ["starts"] = "2026-12-01", ["ends"] = "" }),
            ("/registers/mine-action/devices", "/registers/mine-action",
                new() { ["id"] = $"{find}", ["area"] = $"{Area}", ["deviceType"] = "anti-tank mine", ["count"] = "3", ["date"] = "2026-11-21" }),
            ("/registers/mine-action/tasks", "/registers/mine-action",
                new() { ["id"] = $"{task}", ["area"] = $"{Area}", ["organisation"] = "Team 3", ["starts"] = "2026-11-01", ["ends"] = "" }),
        };
        foreach (var (action, back, fields) in posted)
        {
            var response = await PostAsync(partner, back.Split('#')[0], action, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            Assert.Equal(back, response.Headers.Location?.OriginalString);
        }

        await using (var db = app.Store.Open())
        {
            var stored = await db.Set<InfrastructureAsset>().SingleAsync(ct);
            Assert.Equal(("Pumping station", AssetKind.Water, 40.01, 46.01, Visibility.Public), (stored.Name, stored.Kind, stored.Latitude, stored.Longitude, stored.Visibility));
            Assert.Equal((DamageLevel.Severe, "partner"), await db.Set<DamageAssessment>().Select(d => new ValueTuple<DamageLevel, string>(d.Level, d.RecordedBy)).SingleAsync(ct));
            var repair = await db.Set<RehabilitationProject>().SingleAsync(ct);
            Assert.Equal((ProjectStatus.Funded, 10, 90_000L, (DateOnly?)null), (repair.Status, repair.ProgressPercent, repair.BudgetUsd, repair.Ends));
            Assert.Equal(("anti-tank mine", 3), await db.Set<DeviceFind>().Select(f => new ValueTuple<string, int>(f.DeviceType, f.Count)).SingleAsync(ct));
            Assert.Equal(Area, (await db.Set<ClearanceTask>().SingleAsync(ct)).HazardousAreaId);
            foreach (var (entity, key) in new[] { ("infrastructure_asset", asset), ("damage_assessment", damage), ("rehabilitation_project", project), ("device_find", find), ("clearance_task", task) })
            {
                var entry = await db.Journal.SingleAsync(e => e.Entity == entity, ct);
                Assert.Equal((key.ToString(), "insert"), (entry.RecordKey, entry.Action));
                Assert.StartsWith("partner", entry.Actor, StringComparison.Ordinal);
            }
        }
        // The pages list what was recorded.
        var infrastructure = await partner.GetStringAsync("/registers/infrastructure", ct);
        Assert.Contains("Pumping station", infrastructure, StringComparison.Ordinal);
        Assert.Contains("New pumps", infrastructure, StringComparison.Ordinal);
        var mineAction = await partner.GetStringAsync("/registers/mine-action", ct);
        Assert.Contains("3 × anti-tank mine", mineAction, StringComparison.Ordinal);
        Assert.Contains("Team 3", mineAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_that_may_not_write_the_registers_is_refused_each_form_and_nothing_is_stored()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var monitor = await app.SignInAsync("monitor", Role.Monitor);
        var liaison = await app.SignInAsync("west", Role.Liaison, "west");
        var forms = new (string Page, string Action, Dictionary<string, string> Fields)[]
        {
            ("/registers/infrastructure", "/registers/infrastructure/assets", new() { ["id"] = $"{Guid.NewGuid()}", ["name"] = "Bridge", ["kind"] = "bridge", ["place"] = "az-testville" }),
            ("/registers/infrastructure", "/registers/infrastructure/damage", new() { ["id"] = $"{Guid.NewGuid()}", ["asset"] = $"{Guid.NewGuid()}", ["level"] = "light", ["date"] = "2026-11-20", ["source"] = "S" }),
            ("/registers/infrastructure", "/registers/infrastructure/projects", new() { ["id"] = $"{Guid.NewGuid()}", ["asset"] = $"{Guid.NewGuid()}", ["name"] = "P", ["status"] = "planned" }),
            ("/registers/mine-action", "/registers/mine-action/devices", new() { ["id"] = $"{Guid.NewGuid()}", ["area"] = $"{Area}", ["deviceType"] = "mine", ["count"] = "1", ["date"] = "2026-11-21" }),
            ("/registers/mine-action", "/registers/mine-action/tasks", new() { ["id"] = $"{Guid.NewGuid()}", ["area"] = $"{Area}", ["organisation"] = "T", ["starts"] = "2026-11-01" }),
        };
        foreach (var (page, action, fields) in forms)
        {
            // The page shows no form to a role that may not write; the antiforgery token comes from the shell's sign-out form.
            var html = await monitor.GetStringAsync(page, ct);
            Assert.DoesNotContain($"action=\"{action}\"", html, StringComparison.Ordinal);
            foreach (var client in new[] { monitor, liaison })
            {
                var response = await PostAsync(client, page, action, new Dictionary<string, string>(fields));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{action}: {(int)response.StatusCode}");
            }
        }
        await using var db = app.Store.Open();
        Assert.Equal(0, await db.Set<InfrastructureAsset>().CountAsync(ct) + await db.Set<DamageAssessment>().CountAsync(ct) + await db.Set<RehabilitationProject>().CountAsync(ct)
            + await db.Set<DeviceFind>().CountAsync(ct) + await db.Set<ClearanceTask>().CountAsync(ct));
    }

    [Fact]
    public async Task Bad_input_is_shown_again_beside_its_form_naming_the_field_and_nothing_is_stored()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var partner = await app.SignInAsync("partner", Role.Humanitarian);
        var (asset, unknown) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(partner, "/registers/infrastructure", "/registers/infrastructure/assets",
            new() { ["id"] = $"{asset}", ["name"] = "Bridge", ["kind"] = "bridge", ["place"] = "az-testville" })).StatusCode);

        var bad = new (string Page, string Action, string Field, string Says, Dictionary<string, string> Fields)[]
        {
            ("/registers/infrastructure", "/registers/infrastructure/assets", "place", "&#x27;az-nowhere&#x27; is not a place of the gazetteer.",
                new() { ["id"] = $"{Guid.NewGuid()}", ["name"] = "School", ["kind"] = "school", ["place"] = "az-nowhere" }),
            ("/registers/infrastructure", "/registers/infrastructure/assets", "latitude", "&#x27;north&#x27; is not a number.",
                new() { ["id"] = $"{Guid.NewGuid()}", ["name"] = "School", ["kind"] = "school", ["place"] = "az-testville", ["latitude"] = "north", ["longitude"] = "46" }),
            ("/registers/infrastructure", "/registers/infrastructure/projects", "budgetUsd", "&#x27;-5&#x27; is negative; a budget in US dollars cannot be.",
                new() { ["id"] = $"{Guid.NewGuid()}", ["asset"] = $"{asset}", ["name"] = "Repair", ["status"] = "planned", ["budgetUsd"] = "-5" }),
            ("/registers/infrastructure", "/registers/infrastructure/projects", "budgetUsd", "&#x27;lots&#x27; is not a whole number.",
                new() { ["id"] = $"{Guid.NewGuid()}", ["asset"] = $"{asset}", ["name"] = "Repair", ["status"] = "planned", ["budgetUsd"] = "lots" }),
            ("/registers/infrastructure", "/registers/infrastructure/damage", "asset", $"&#x27;{unknown}&#x27; is not an infrastructure asset of the register.",
                new() { ["id"] = $"{Guid.NewGuid()}", ["asset"] = $"{unknown}", ["level"] = "light", ["date"] = "2026-11-20", ["source"] = "S" }),
            ("/registers/mine-action", "/registers/mine-action/devices", "count", "must be a whole number of devices, at least 1.",
                new() { ["id"] = $"{Guid.NewGuid()}", ["area"] = $"{Area}", ["deviceType"] = "mine", ["count"] = "-2", ["date"] = "2026-11-21" }),
            ("/registers/mine-action", "/registers/mine-action/tasks", "ends", "&#x27;2026-10-01&#x27; is before the start (2026-11-01).",
                new() { ["id"] = $"{Guid.NewGuid()}", ["area"] = $"{Area}", ["organisation"] = "Team 3", ["starts"] = "2026-11-01", ["ends"] = "2026-10-01" }),
        };
        foreach (var (page, action, field, says, fields) in bad)
        {
            var response = await PostAsync(partner, page, action, fields);
            var html = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{action} {field}: {(int)response.StatusCode}");
            // The refusal stands right above its own form, naming the field, and the form keeps what was typed (its id too).
            var form = html.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
            var refusal = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
            Assert.True(refusal >= 0 && refusal < form && html.IndexOf("<form", refusal, StringComparison.Ordinal) == html.LastIndexOf("<form", form, StringComparison.Ordinal), $"{action}: the refusal is not beside its form");
            Assert.Contains($"<li><code>{field}</code>: {says}</li>", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{fields["id"]}\"", html, StringComparison.Ordinal);
        }
        await using (var db = app.Store.Open())
        {
            Assert.Equal(1, await db.Set<InfrastructureAsset>().CountAsync(ct));
            Assert.Equal(0, await db.Set<DamageAssessment>().CountAsync(ct) + await db.Set<RehabilitationProject>().CountAsync(ct)
                + await db.Set<DeviceFind>().CountAsync(ct) + await db.Set<ClearanceTask>().CountAsync(ct));
        }

        // In the viewer's language: the labels and the refusal.
        partner.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var russian = await PostAsync(partner, "/registers/infrastructure", "/registers/infrastructure/projects",
            new() { ["id"] = $"{Guid.NewGuid()}", ["asset"] = $"{asset}", ["name"] = "Repair", ["status"] = "planned", ["budgetUsd"] = "lots" });
        var text = await russian.Content.ReadAsStringAsync(ct);
        Assert.Contains("<li><code>budgetUsd</code>: «lots» — не целое число.</li>", text, StringComparison.Ordinal);
        Assert.Contains("Записать проект восстановления", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forms_offer_the_areas_being_worked_not_released_land_nobody_has_touched()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var (cleared, clearedWithFind) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = app.Store.Open())
        {
            var square = JsonSerializer.Deserialize<JsonElement>("""{"type":"Polygon","coordinates":[[[46.3,40.3],[46.31,40.3],[46.31,40.31],[46.3,40.3]]]}""");
            Assert.True((await HazardousAreas.AddAsync(db, Viewer.System, new() { Id = cleared, Name = "Cleared cell", Status = "cleared", Area = square }, ct)).Succeeded);
            Assert.True((await HazardousAreas.AddAsync(db, Viewer.System, new() { Id = clearedWithFind, Name = "Cleared cell with a find", Status = "cleared", Area = square }, ct)).Succeeded);
        }
        var partner = await app.SignInAsync("partner", Role.Humanitarian);
        using (var found = await PostAsync(partner, "/registers/mine-action", "/registers/mine-action/devices",
            new() { ["id"] = $"{Guid.NewGuid()}", ["area"] = $"{clearedWithFind}", ["deviceType"] = "UXO", ["count"] = "1", ["date"] = "2026-11-21" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        }

        var page = await partner.GetStringAsync("/registers/mine-action", ct);
        // Each of the two forms offers the area not released and the released one with a find, and not the untouched one.
        Assert.Equal(2, Occurrences(page, $"<option value=\"{Area}\""));
        Assert.Equal(2, Occurrences(page, $"<option value=\"{clearedWithFind}\""));
        Assert.Equal(0, Occurrences(page, $"{cleared}"));
    }

    private static int Occurrences(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
