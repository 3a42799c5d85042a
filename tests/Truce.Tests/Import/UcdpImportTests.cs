using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Import;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Tests.Import;

using Cli = Truce.Tests.Cli.Cli;

public sealed class UcdpImportTests
{
    private static async Task<ScratchStore> MigratedAsync(Engine engine)
    {
        var store = await ScratchStore.CreateAsync(engine);
        Assert.Equal(0, (await Cli.RunAsync("migrate", "--db", store.Location.ConnectionString)).ExitCode);
        return store;
    }

    private static JsonElement Summary(Cli.Run run) => JsonDocument.Parse(run.Output).RootElement;

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_shared_UCDP_files_import_with_their_counts_and_one_incident_each(Engine engine)
    {
        foreach (var (file, rows) in new[] { (ImportFiles.Sample1000, 1000), (ImportFiles.Azerbaijan, 3), (ImportFiles.BangladeshHxl, 601) })
        {
            await using var store = await MigratedAsync(engine);
            var run = await Cli.RunAsync("import", "ucdp", file, "--json", "--db", store.Location.ConnectionString);

            Assert.Equal(0, run.ExitCode);
            var summary = Summary(run);
            Assert.Equal(rows, summary.GetProperty("read").GetInt32());
            Assert.Equal(rows, summary.GetProperty("imported").GetInt32());
            Assert.Equal(0, summary.GetProperty("rejected").GetInt32());
            await using var db = new Store(store.Location, TimeProvider.System).Open();
            Assert.Equal(rows, await db.Observations.CountAsync(o => o.Source == "UCDP GED"));
            Assert.Equal(rows, await db.Incidents.CountAsync(i => i.ObservationCount == 1));
            Assert.Equal(0, await db.Observations.CountAsync(o => o.IncidentId == null));
            Assert.Equal(0, (await Cli.RunAsync("verify", "--db", store.Location.ConnectionString)).ExitCode);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Precision_codes_map_onto_Truces_precision_and_are_kept_verbatim(Engine engine)
    {
        await using var store = await MigratedAsync(engine);
        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", ImportFiles.Sample1000, "--db", store.Location.ConnectionString)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", ImportFiles.BangladeshHxl, "--db", store.Location.ConnectionString)).ExitCode);
        await using var db = new Store(store.Location, TimeProvider.System).Open();

        // Row 300380 of the sample: an exact village and an exact day; deaths_a 0, deaths_b 2, no civilians.
        var syria = await db.Observations.SingleAsync(o => o.SourceExternalId == "300380");
        Assert.Equal("where_prec=1;date_prec=1", syria.SourcePrecision);
        Assert.Equal(TimePrecision.Day, syria.TimePrecision);
        Assert.Equal(2_000, syria.LocationPrecisionM);
        Assert.Equal(35.763369, syria.Latitude);
        Assert.Equal(36.558974, syria.Longitude);
        Assert.Equal(new DateTimeOffset(2013, 1, 3, 0, 0, 0, TimeSpan.Zero), syria.ObservedFrom);
        Assert.Equal(Category.SmallArmsFire, syria.Category);
        Assert.Equal(2, syria.CombatantsKilled);
        Assert.Equal(0, syria.CiviliansKilled);
        Assert.Equal("Rami village", syria.AreaName);

        // Row 21300: a province, known to the week, over 1989-05-10..16.
        var angola = await db.Observations.SingleAsync(o => o.SourceExternalId == "21300");
        Assert.Equal("where_prec=4;date_prec=3", angola.SourcePrecision);
        Assert.Equal(TimePrecision.Week, angola.TimePrecision);
        Assert.Equal(150_000, angola.LocationPrecisionM);
        Assert.Equal(new DateTimeOffset(1989, 5, 10, 0, 0, 0, TimeSpan.Zero), angola.ObservedFrom);
        Assert.Equal(new DateOnly(1989, 5, 16), DateOnly.FromDateTime(angola.ObservedTo.UtcDateTime));
        Assert.Equal(14, angola.CombatantsKilled);

        // The HDX file (its own column order, an HXL row): event 71663, exact place, date_prec 2.
        var bangladesh = await db.Observations.SingleAsync(o => o.SourceExternalId == "71663");
        Assert.Equal("where_prec=1;date_prec=2", bangladesh.SourcePrecision);
        Assert.Equal(TimePrecision.Week, bangladesh.TimePrecision);
        Assert.Equal(22.488976, bangladesh.Latitude);
        Assert.Equal(1, bangladesh.CombatantsKilled);
        Assert.Equal(0, await db.Observations.CountAsync(o => o.SourcePrecision == null));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Re_importing_the_same_file_changes_nothing(Engine engine)
    {
        await using var store = await MigratedAsync(engine);
        var db = store.Location.ConnectionString;
        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", ImportFiles.Sample1000, "--db", db)).ExitCode);
        await using var context = new Store(store.Location, TimeProvider.System).Open();
        var journal = await context.Journal.CountAsync();

        var again = await Cli.RunAsync("import", "ucdp", ImportFiles.Sample1000, "--json", "--db", db);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(1000, Summary(again).GetProperty("unchanged").GetInt32());
        Assert.Equal(0, Summary(again).GetProperty("imported").GetInt32());
        Assert.Equal(0, Summary(again).GetProperty("updated").GetInt32());
        Assert.Equal(journal, await context.Journal.CountAsync());
        Assert.Equal(1000, await context.Observations.CountAsync());
        Assert.Equal(1000, await context.Incidents.CountAsync());
        // The ids are derived (issue 14: the event's time first, then the hash), the same ones both times.
        var observations = await context.Observations.AsNoTracking().ToListAsync();
        Assert.All(observations, o => Assert.Equal(ImportIds.ObservationOf(o.Source, o.SourceExternalId!, o.ObservedFrom), o.Id));
        Assert.All(observations, o => Assert.Equal(o.ObservedFrom.ToUnixTimeMilliseconds(), ImportIds.TimeOf(o.Id)));
        Assert.All(observations, o => Assert.Equal(ImportIds.IncidentOf(o.Id), o.IncidentId));
    }

    [Fact]
    public async Task A_changed_row_is_updated_in_place_and_journaled_as_an_update()
    {
        await using var store = await MigratedAsync(Engine.Sqlite);
        var db = store.Location.ConnectionString;
        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", ImportFiles.Azerbaijan, "--db", db)).ExitCode);
        var (changed, _) = ImportFiles.Corrupt(ImportFiles.Azerbaijan, new() { [0] = ("where_prec", "2") });

        var again = await Cli.RunAsync("import", "ucdp", changed, "--json", "--db", db);

        Assert.Equal(1, Summary(again).GetProperty("updated").GetInt32());
        Assert.Equal(2, Summary(again).GetProperty("unchanged").GetInt32());
        await using var context = new Store(store.Location, TimeProvider.System).Open();
        Assert.Equal(3, await context.Observations.CountAsync());
        var updated = await context.Observations.SingleAsync(o => o.SourceExternalId == "376126");
        Assert.Equal("where_prec=2;date_prec=2", updated.SourcePrecision);
        Assert.Equal(25_000, updated.LocationPrecisionM);
        Assert.Equal(1, await context.Journal.CountAsync(j => j.Entity == "observations" && j.Action == "update"));
        Assert.Equal(0, (await Cli.RunAsync("verify", "--db", db)).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_corrupted_file_is_refused_naming_every_bad_line_and_field_and_imports_nothing(Engine engine)
    {
        await using var store = await MigratedAsync(engine);
        var (path, lines) = ImportFiles.Corrupt(ImportFiles.Sample1000, new()
        {
            [2] = ("latitude", "north"),
            [9] = ("date_start", "2013-13-45"),
            [19] = ("id", ""),
        });

        var run = await Cli.RunAsync("import", "ucdp", path, "--db", store.Location.ConnectionString);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"line {lines[2]}: latitude", run.Error, StringComparison.Ordinal);
        Assert.Contains($"line {lines[9]}: date_start", run.Error, StringComparison.Ordinal);
        Assert.Contains($"line {lines[19]}: id", run.Error, StringComparison.Ordinal);
        await using var db = new Store(store.Location, TimeProvider.System).Open();
        Assert.Equal(0, await db.Observations.CountAsync());
        Assert.Equal(0, await db.Journal.CountAsync());
    }

    [Fact]
    public async Task Skip_invalid_imports_the_good_rows_and_reports_each_bad_one_as_json()
    {
        await using var store = await MigratedAsync(Engine.Sqlite);
        var (path, lines) = ImportFiles.Corrupt(ImportFiles.BangladeshHxl, new()
        {
            [5] = ("longitude", "200"),
            [40] = ("date_end", "yesterday"),
        });

        var run = await Cli.RunAsync("import", "ucdp", path, "--skip-invalid", "--json", "--db", store.Location.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        var summary = Summary(run);
        Assert.Equal(601, summary.GetProperty("read").GetInt32());
        Assert.Equal(599, summary.GetProperty("imported").GetInt32());
        Assert.Equal(2, summary.GetProperty("rejected").GetInt32());
        Assert.False(summary.GetProperty("refused").GetBoolean());
        var errors = summary.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        // Index 5 counts the HXL row as the first data row of the copy, so the row is the 5th event.
        Assert.Equal([(lines[5], "longitude"), (lines[40], "date_end")], errors);
        await using var db = new Store(store.Location, TimeProvider.System).Open();
        Assert.Equal(599, await db.Observations.CountAsync());
    }

    [Fact]
    public async Task A_file_without_the_layouts_columns_is_refused_at_its_header()
    {
        await using var store = await MigratedAsync(Engine.Sqlite);
        var path = ImportFiles.TempPath(".csv");
        await File.WriteAllTextAsync(path, "event,lat,lon\n1,2,3\n", TestContext.Current.CancellationToken);

        var run = await Cli.RunAsync("import", "ucdp", path, "--json", "--db", store.Location.ConnectionString);

        Assert.Equal(3, run.ExitCode);
        var fields = Summary(run).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("date_start", fields);
        Assert.Contains("where_prec", fields);
    }

    [Fact]
    public async Task UCDPs_GeoJSON_export_imports_with_the_defaults_as_the_CSV_does()
    {
        await using var fromCsv = await MigratedAsync(Engine.Sqlite);
        await using var fromGeoJson = await MigratedAsync(Engine.Sqlite);
        var geojson = ImportFiles.UcdpGeoJson(ImportFiles.Azerbaijan);

        var run = await Cli.RunAsync("import", "geojson", geojson, "--json", "--db", fromGeoJson.Location.ConnectionString);
        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", ImportFiles.Azerbaijan, "--db", fromCsv.Location.ConnectionString)).ExitCode);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, Summary(run).GetProperty("imported").GetInt32());
        await using var csvDb = new Store(fromCsv.Location, TimeProvider.System).Open();
        await using var geoDb = new Store(fromGeoJson.Location, TimeProvider.System).Open();
        var expected = await csvDb.Observations.Where(o => o.SourceExternalId == "376126" || o.SourceExternalId == "155395").OrderBy(o => o.Id).ToListAsync();
        var actual = await geoDb.Observations.Where(o => o.SourceExternalId == "376126" || o.SourceExternalId == "155395").OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(expected.Select(o => (o.Id, o.Latitude, o.Longitude, o.SourcePrecision, o.ObservedFrom, o.CombatantsKilled, o.Narrative)),
            actual.Select(o => (o.Id, o.Latitude, o.Longitude, o.SourcePrecision, o.ObservedFrom, o.CombatantsKilled, o.Narrative)));
    }
}
