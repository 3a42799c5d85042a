using System.Net;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Tests.Import;

namespace Truce.Tests.Export;

using Cli = Truce.Tests.Cli.Cli;

public sealed class ExportTests
{
    [Theory]
    [InlineData("geojson", "geojson", "--layout", "truce")]
    [InlineData("csv", "truce", null, null)]
    [InlineData("hxl", "truce", null, null)]
    public async Task An_export_imports_into_a_fresh_store_as_the_same_observations(string exportFormat, string importFormat, string? flag, string? value)
    {
        await using var first = await ScratchStore.CreateAsync(Engine.Sqlite);
        await using var second = await ScratchStore.CreateAsync(Engine.Sqlite);
        await Cli.RunAsync("migrate", "--db", first.Location.ConnectionString);
        await Cli.RunAsync("migrate", "--db", second.Location.ConnectionString);
        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", ImportFiles.BangladeshHxl, "--db", first.Location.ConnectionString)).ExitCode);
        var file = ImportFiles.TempPath("." + exportFormat);

        var export = await Cli.RunAsync("export", exportFormat, "--out", file, "--db", first.Location.ConnectionString);
        string[] import = ["import", importFormat, file, "--db", second.Location.ConnectionString, .. flag is null ? Array.Empty<string>() : [flag, value!]];
        var imported = await Cli.RunAsync(import);

        Assert.Equal(0, export.ExitCode);
        Assert.True(imported.ExitCode == 0, imported.Error);
        await using var a = new Store(first.Location, TimeProvider.System).Open();
        await using var b = new Store(second.Location, TimeProvider.System).Open();
        var before = await a.Observations.OrderBy(o => o.Id).ToListAsync();
        var after = await b.Observations.OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(601, after.Count);
        Assert.Equal(before.Select(Content), after.Select(Content));
        Assert.Equal(0, (await Cli.RunAsync("verify", "--db", second.Location.ConnectionString)).ExitCode);
    }

    private static string Content(Observation o) => string.Join('|', o.Id, o.ObservedFrom.UtcTicks, o.ObservedTo.UtcTicks, o.TimePrecision,
        o.Latitude, o.Longitude, o.LocationPrecisionM, o.AreaName, o.Category, o.Sensor, o.Count, o.CiviliansKilled, o.CiviliansInjured,
        o.CombatantsKilled, o.CombatantsInjured, o.AllegedPartyId, o.Narrative, o.Source, o.SourceExternalId, o.SourcePrecision, o.Visibility, o.Cell);

    [Fact]
    public async Task The_HXL_export_has_a_hashtag_row_under_its_header()
    {
        await using var store = await ScratchStore.CreateAsync(Engine.Sqlite);
        await Cli.RunAsync("migrate", "--db", store.Location.ConnectionString);
        await Cli.RunAsync("import", "ucdp", ImportFiles.Azerbaijan, "--db", store.Location.ConnectionString);

        var run = await Cli.RunAsync("export", "hxl", "--db", store.Location.ConnectionString);

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,source,source_id,", lines[0], StringComparison.Ordinal);
        Assert.Contains("#geo+lat", lines[1], StringComparison.Ordinal);
        Assert.Contains("#date+start", lines[1], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task API_exports_give_each_viewer_only_what_it_may_see(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine, demo: true);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var east = await app.ClientAsync("east1", Role.Liaison, "east");
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var own = Json.Observation();
        own["visibility"] = "internal";
        own["narrative"] = "west-internal-report";
        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/observations", own)).StatusCode);
        var importFile = ImportFiles.Azerbaijan;
        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", importFile, "--db", app.Location.ConnectionString)).ExitCode);

        foreach (var path in new[] { "/api/exports/observations.csv", "/api/exports/observations.hxl.csv", "/api/exports/observations.geojson" })
        {
            var eastResponse = await east.GetAsync(path);
            var westResponse = await west.GetAsync(path);
            var analystResponse = await analyst.GetAsync(path);
            var eastText = await eastResponse.Content.ReadAsStringAsync();
            var westText = await westResponse.Content.ReadAsStringAsync();
            var analystText = await analystResponse.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, eastResponse.StatusCode);
            Assert.DoesNotContain("west-internal-report", eastText, StringComparison.Ordinal);
            Assert.DoesNotContain("UCDP GED", eastText, StringComparison.Ordinal);
            Assert.Contains("west-internal-report", westText, StringComparison.Ordinal);
            Assert.DoesNotContain("UCDP GED", westText, StringComparison.Ordinal);
            Assert.Contains("west-internal-report", analystText, StringComparison.Ordinal);
            Assert.Contains("UCDP GED", analystText, StringComparison.Ordinal);
        }
        var anonymous = await app.CreateClient().GetStringAsync("/api/exports/observations.geojson");
        Assert.DoesNotContain("west-internal-report", anonymous, StringComparison.Ordinal);
        await using var db = app.Store.Open();
        Assert.True(await db.Observations.CountAsync() > 4, "the demo's observations are there besides the imported ones");
    }
}
