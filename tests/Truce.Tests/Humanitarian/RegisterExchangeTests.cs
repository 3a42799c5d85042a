using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Gazetteer;
using Truce.Humanitarian;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Tests.Humanitarian;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>
/// Each register out as CSV and HXL-tagged CSV (`truce export --register`) and back in (`truce import register|hxl`)
/// into a fresh store: the same records, text a spreadsheet would run neutralised and restored, bad files refused whole.
/// </summary>
public sealed class RegisterExchangeTests
{
    private static readonly Viewer Partner = new(null, "partner", Role.Humanitarian, null);

    /// <summary>Texts a spreadsheet would run as formulas, and ones a CSV writer must quote.</summary>
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    private static async Task PlacesAsync(Store store)
    {
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        await using var db = store.Open();
        var town = Places.At("az-testville", "Testville", PlaceKind.PopulatedPlace, 40.0, 46.0, "AZ");
        town.Admin1 = "Test region";
        db.Add(town);
        db.Add(Places.At("am-otherville", "Ստեփանակերտ-test", PlaceKind.PopulatedPlace, 39.5, 45.5, "AM"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static T Ok<T>(Result<T> result) => result.Failure is { } failure
        ? throw new InvalidOperationException($"{failure.Title} {string.Join("; ", failure.Errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}")
        : result.Value!;

    /// <summary>One record of every register, through the API's own Core functions, with awkward texts.</summary>
    private static async Task<Guid> RegistersAsync(Store store)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = store.Open(Partner);
        Ok(await DisplacementFigures.RecordAsync(db, Partner, new DisplacementFigureInput
        {
            Id = Guid.NewGuid(), Place = "az-testville", Country = "aze", Date = "2026-10-31", DisplacedPresent = 1200, Returns = 35, Source = "-2 per cent, says \"DTM\"", Visibility = "public",
        }, ct));
        Ok(await DisplacementFigures.RecordAsync(db, Partner, new DisplacementFigureInput { Id = Guid.NewGuid(), Country = "ARM", Date = "2025-12-31", NewDisplacement = 0, Source = "+country" }, ct));
        Ok(await ServiceReports.RecordAsync(db, Partner, new ServiceReportInput
        {
            Id = Guid.NewGuid(), Place = "am-otherville", Service = "water", Level = "partial", Date = "2026-11-01", Source = Formula, Visibility = "parties",
        }, ct));
        var asset = Ok(await InfrastructureRegister.AddAssetAsync(db, Partner, new InfrastructureAssetInput
        {
            Id = Guid.NewGuid(), Name = "@school, no. 4\nannex", Kind = "school", Place = "az-testville", Latitude = 40.00123456789, Longitude = 46.1,
        }, ct)).Record;
        Ok(await InfrastructureRegister.AssessDamageAsync(db, Partner, new DamageAssessmentInput { Id = Guid.NewGuid(), Asset = asset.Id, Level = "severe", Date = "2026-09-01", Source = "'quoted" }, ct));
        Ok(await InfrastructureRegister.AddProjectAsync(db, Partner, new RehabilitationProjectInput
        {
            Id = Guid.NewGuid(), Asset = asset.Id, Name = "Roof", Status = "underway", ProgressPercent = 40, BudgetUsd = 250_000, Funder = "Trust fund", Starts = "2026-09-15",
        }, ct));
        Ok(await InfrastructureRegister.AddProjectAsync(db, Partner, new RehabilitationProjectInput { Id = Guid.NewGuid(), Asset = asset.Id, Name = "Walls", Status = "planned" }, ct));
        await using var mission = store.Open(Viewer.System);
        Ok(await HazardousAreas.AddAsync(mission, Viewer.System, new HazardousAreaInput
        {
            Id = Guid.NewGuid(), Name = "Field by the road", Status = "confirmed", Place = "az-testville",
            Area = JsonSerializer.Deserialize<JsonElement>("{\"type\":\"Polygon\",\"coordinates\":[[[46.0,40.0],[46.01,40.0],[46.01,40.01],[46.0,40.0]]]}"),
        }, ct));
        return asset.Id;
    }

    private static async Task<string> ExportAsync(string db, RegisterName register, string format)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("truce-register-").FullName, $"{Slug.Of(register)}.csv");
        var run = await Cli.RunAsync("export", format, "--register", Slug.Of(register), "--out", path, "--db", db);
        Assert.True(run.ExitCode == 0, run.Error);
        return path;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Every_register_exported_as_HXL_imports_into_a_fresh_store_as_the_same_records(Engine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await ScratchStore.CreateAsync(engine, ct);
        await using var second = await ScratchStore.CreateAsync(engine, ct);
        var (from, to) = (new Store(first.Location, TimeProvider.System), new Store(second.Location, TimeProvider.System));
        await PlacesAsync(from);
        await PlacesAsync(to);
        await RegistersAsync(from);

        // Assets first: damage and projects name them.
        foreach (var register in new[] { RegisterName.Displacement, RegisterName.Services, RegisterName.HazardousAreas, RegisterName.Assets, RegisterName.Damage, RegisterName.Projects })
        {
            var exported = await ExportAsync(first.Location.ConnectionString, register, "hxl");
            var imported = await Cli.RunAsync("import", "hxl", exported, "--register", Slug.Of(register), "--db", second.Location.ConnectionString);
            Assert.True(imported.ExitCode == 0, imported.Error);
            var again = await ExportAsync(second.Location.ConnectionString, register, "hxl");
            Assert.Equal(await File.ReadAllTextAsync(exported, ct), await File.ReadAllTextAsync(again, ct));

            // A second import of the same file is recognised record by record: nothing added twice.
            var twice = await Cli.RunAsync("import", "hxl", exported, "--register", Slug.Of(register), "--db", second.Location.ConnectionString);
            Assert.True(twice.ExitCode == 0, twice.Error);
            Assert.Contains(" 0 added", twice.Output, StringComparison.Ordinal);
        }

        // The texts came back as they were written, not as the spreadsheet-safe cells.
        await using var db = new Store(second.Location, TimeProvider.System).Open();
        Assert.Equal(Formula, (await db.Set<ServiceReport>().SingleAsync(ct)).Source);
        Assert.Equal("'quoted", (await db.Set<DamageAssessment>().SingleAsync(ct)).Source);
        var asset = await db.Set<InfrastructureAsset>().SingleAsync(ct);
        Assert.Equal(("@school, no. 4\nannex", 40.00123456789, Visibility.Internal), (asset.Name, asset.Latitude, asset.Visibility));
        var figure = await db.Set<DisplacementFigure>().SingleAsync(f => f.PlaceId != null, ct);
        Assert.Equal((1200L, (long?)null, 35L, "-2 per cent, says \"DTM\"", Visibility.Public), (figure.DisplacedPresent!.Value, figure.NewDisplacement, figure.Returns!.Value, figure.Source, figure.Visibility));
        Assert.Equal(HazardStatus.Confirmed, (await db.Set<HazardousArea>().SingleAsync(ct)).Status);
        Assert.Equal(2, await db.Set<RehabilitationProject>().CountAsync(ct));
        Assert.True(await db.Journal.CountAsync(e => e.Entity == "infrastructure_asset", ct) >= 1);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_are_quoted_in_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite, ct);
        var store = new Store(scratch.Location, TimeProvider.System);
        await PlacesAsync(store);
        await RegistersAsync(store);

        var services = await File.ReadAllLinesAsync(await ExportAsync(scratch.Location.ConnectionString, RegisterName.Services, "csv"), ct);
        Assert.Equal("id,place,placeName,admin1,latitude,longitude,service,level,date,source,visibility", services[0]);
        Assert.EndsWith(",am-otherville,Ստեփանակերտ-test,,39.5,45.5,water,partial,2026-11-01,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",parties", services[1], StringComparison.Ordinal);
        var displacement = await File.ReadAllTextAsync(await ExportAsync(scratch.Location.ConnectionString, RegisterName.Displacement, "csv"), ct);
        Assert.Contains(",ARM,2025-12-31,,0,,'+country,internal", displacement, StringComparison.Ordinal);
        Assert.Contains(",az-testville,Testville,Test region,40,46,AZE,2026-10-31,1200,,35,\"'-2 per cent, says \"\"DTM\"\"\",public", displacement, StringComparison.Ordinal);
        var damage = await File.ReadAllTextAsync(await ExportAsync(scratch.Location.ConnectionString, RegisterName.Damage, "csv"), ct);
        Assert.Contains(",severe,2026-09-01,''quoted", damage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_register_carries_the_HXL_hashtags_written_here_by_hand()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite, ct);
        var expected = new Dictionary<RegisterName, string>
        {
            [RegisterName.Displacement] = "#meta+id,#loc+code,#loc+name,#adm1+name,#geo+lat,#geo+lon,#country+code,#date,#affected+idps,#affected+idps+new,#affected+returnees,#meta+source,#meta+visibility",
            [RegisterName.Services] = "#meta+id,#loc+code,#loc+name,#adm1+name,#geo+lat,#geo+lon,#service+type,#status,#date,#meta+source,#meta+visibility",
            [RegisterName.HazardousAreas] = "#meta+id,#loc+name+area,#status,#loc+code,#loc+name,#adm1+name,#geo+bounds",
            [RegisterName.Assets] = "#meta+id,#item+name,#item+type,#loc+code,#loc+name,#adm1+name,#geo+lat,#geo+lon,#meta+visibility",
            [RegisterName.Damage] = "#meta+id,#item+code,#item+name,#loc+code,#loc+name,#adm1+name,#severity,#date,#meta+source",
            [RegisterName.Projects] = "#meta+id,#item+code,#item+name,#loc+code,#loc+name,#adm1+name,#activity+name,#status,#output+pct,#value+usd,#org+funder,#date+start,#date+end",
        };
        foreach (var (register, tags) in expected)
        {
            var lines = await File.ReadAllLinesAsync(await ExportAsync(scratch.Location.ConnectionString, register, "hxl"), ct);
            Assert.Equal(tags, lines[1]);
            Assert.Equal(2, lines.Length);
        }
    }

    private static async Task<string> FileAsync(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("truce-register-").FullName, "register.csv");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task A_hashtag_that_does_not_match_its_column_refuses_the_file_naming_the_column()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite, ct);
        await PlacesAsync(new Store(scratch.Location, TimeProvider.System));
        // returns and displacedPresent swapped under their hashtags: a partner's tool would read returns as IDPs.
        var path = await FileAsync("id,place,country,date,displacedPresent,returns,source\n"
            + "#meta+id,#loc+code,#country+code,#date,#affected+returnees,#affected+idps,#meta+source\n"
            + $"{Guid.NewGuid()},az-testville,AZE,2026-10-31,10,20,DTM\n");

        var run = await Cli.RunAsync("import", "hxl", path, "--register", "displacement", "--db", scratch.Location.ConnectionString);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("line 2: displacedPresent", run.Error, StringComparison.Ordinal);
        Assert.Contains("the hashtag '#affected+returnees' does not match the column 'displacedPresent'", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 2: returns", run.Error, StringComparison.Ordinal);
        await using var db = new Store(scratch.Location, TimeProvider.System).Open();
        Assert.Equal(0, await db.Set<DisplacementFigure>().CountAsync(ct));

        // The HXL form must carry its hashtags; the plain CSV form need not.
        var plain = await FileAsync("id,place,country,date,displacedPresent,returns,source\n" + $"{Guid.NewGuid()},az-testville,AZE,2026-10-31,10,20,DTM\n");
        var untagged = await Cli.RunAsync("import", "hxl", plain, "--register", "displacement", "--db", scratch.Location.ConnectionString);
        Assert.Contains("line 2: file", untagged.Error, StringComparison.Ordinal);
        var csv = await Cli.RunAsync("import", "register", plain, "--register", "displacement", "--db", scratch.Location.ConnectionString);
        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.Contains("1 added", csv.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_negative_or_non_numeric_figure_refuses_the_whole_file_naming_line_and_field(Engine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchStore.CreateAsync(engine, ct);
        await PlacesAsync(new Store(scratch.Location, TimeProvider.System));
        var path = await FileAsync("id,place,country,date,displacedPresent,newDisplacement,returns,source\n"
            + $"{Guid.NewGuid()},az-testville,AZE,2026-10-31,10,,20,DTM\n"
            + $"{Guid.NewGuid()},az-testville,AZE,2026-10-31,-5,,,DTM\n"
            + $"{Guid.NewGuid()},az-testville,AZE,2026-10-31,,many,,DTM\n"
            + $"{Guid.NewGuid()},nowhere,AZE,2026-10-31,1,,,DTM\n");

        var run = await Cli.RunAsync("import", "register", path, "--register", "displacement", "--db", scratch.Location.ConnectionString);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("line 3: displacedPresent", run.Error, StringComparison.Ordinal);
        Assert.Contains("'-5' is negative", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: newDisplacement", run.Error, StringComparison.Ordinal);
        Assert.Contains("'many' is not a whole number", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 5: place", run.Error, StringComparison.Ordinal);
        await using var db = new Store(scratch.Location, TimeProvider.System).Open();
        Assert.Equal(0, await db.Set<DisplacementFigure>().CountAsync(ct));
        Assert.Equal(0, await db.Journal.CountAsync(e => e.Entity == "displacement_figure", ct));
    }

    [Fact]
    public async Task A_hazardous_area_reads_from_WKT_and_an_unclosed_or_crossing_polygon_is_refused_by_line()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite, ct);
        var good = await FileAsync("id,name,status,area\n" + $"{Guid.NewGuid()},Field,suspected,\"POLYGON ((46 40, 46.01 40, 46.01 40.01, 46 40))\"\n");
        var run = await Cli.RunAsync("import", "register", good, "--register", "hazardous_areas", "--db", scratch.Location.ConnectionString);
        Assert.True(run.ExitCode == 0, run.Error);
        await using (var db = new Store(scratch.Location, TimeProvider.System).Open())
        {
            var stored = (await db.Set<HazardousArea>().SingleAsync(ct)).GeometryJson;
            Assert.Contains("\"Polygon\"", stored, StringComparison.Ordinal);
            Assert.Contains("[46.01,40.01]", stored, StringComparison.Ordinal);
        }

        var bad = await FileAsync("id,name,status,area\n"
            + $"{Guid.NewGuid()},Open,suspected,\"POLYGON ((46 40, 46.01 40, 46.01 40.01, 46 40.02))\"\n"
            + $"{Guid.NewGuid()},Bowtie,suspected,\"{{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":[[[46,40],[46.01,40.01],[46.01,40],[46,40.01],[46,40]]]}}\"\n");
        var refused = await Cli.RunAsync("import", "register", bad, "--register", "hazardous_areas", "--db", scratch.Location.ConnectionString);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("line 2: area", refused.Error, StringComparison.Ordinal);
        Assert.Contains("line 3: area.coordinates", refused.Error, StringComparison.Ordinal);
        await using var after = new Store(scratch.Location, TimeProvider.System).Open();
        Assert.Equal(1, await after.Set<HazardousArea>().CountAsync(ct));
    }
}
