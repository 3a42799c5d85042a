using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Humanitarian;
using Truce.Storage;

namespace Truce.Tests.Humanitarian;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>The shared displacement files (data/displacement) into the register, counted by hand against the files.</summary>
public sealed class DisplacementImportTests
{
    private static async Task<string> FileAsync(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("truce-displacement-").FullName, "figures.csv");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_IDMC_and_UNHCR_files_import_with_their_counts_and_a_reimport_adds_nothing(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var db = scratch.Location.ConnectionString;
        var ct = TestContext.Current.CancellationToken;

        // GIDD: 961 country-years; 2 carry neither a stock nor a flow (empty both), so 959 figures.
        var idmc = await Cli.RunAsync("import", "idmc", TestEnvironment.SharedData("displacement", "idmc_gidd_conflict_displacement_country_year.csv"), "--db", db);
        Assert.Equal(0, idmc.ExitCode);
        Assert.Contains("Read 961 rows of idmc_gidd_conflict_displacement_country_year.csv: 959 figures added, 0 already in the register, 2 passed over", idmc.Output, StringComparison.Ordinal);

        // UNHCR solutions: 151 rows, each with returns (RET + RDP).
        var unhcr = await Cli.RunAsync("import", "unhcr", TestEnvironment.SharedData("displacement", "unhcr_solutions_returns_sample.csv"), "--db", db);
        Assert.Equal(0, unhcr.ExitCode);
        Assert.Contains("Read 151 rows of unhcr_solutions_returns_sample.csv: 151 figures added", unhcr.Output, StringComparison.Ordinal);

        await using (var context = new Store(scratch.Location, TimeProvider.System).Open())
        {
            // Azerbaijan in the file: 2020 total_displacement 735455, new_displacement 83997; Armenia 2024: total 0, new empty.
            var aze2020 = await context.Set<DisplacementFigure>().SingleAsync(f => f.Country == "AZE" && f.Date == new DateOnly(2020, 12, 31) && f.Source.StartsWith("IDMC"), ct);
            Assert.Equal((735_455L, 83_997L), (aze2020.DisplacedPresent!.Value, aze2020.NewDisplacement!.Value));
            var arm2024 = await context.Set<DisplacementFigure>().SingleAsync(f => f.Country == "ARM" && f.Date == new DateOnly(2024, 12, 31), ct);
            Assert.Equal((0L, (long?)null), (arm2024.DisplacedPresent!.Value, arm2024.NewDisplacement));
            // The file's first row: 1983, to Iran from Pakistan, RET 390 and RDP 0.
            var first = await context.Set<DisplacementFigure>().SingleAsync(f => f.Country == "IRN" && f.Date == new DateOnly(1983, 12, 31) && f.Source == "UNHCR solutions (from PAK)", ct);
            Assert.Equal(390L, first.Returns);
            Assert.Equal(Visibility.Public, first.Visibility);
            Assert.Equal(959 + 151, await context.Set<DisplacementFigure>().CountAsync(ct));
            Assert.True(await context.Journal.CountAsync(e => e.Entity == "displacement_figure", ct) >= 959 + 151);
        }

        var again = await Cli.RunAsync("import", "unhcr", TestEnvironment.SharedData("displacement", "unhcr_solutions_returns_sample.csv"), "--db", db);
        Assert.Contains("0 figures added, 151 already in the register", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_IDU_events_import_one_figure_per_event()
    {
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite);
        // 113 events in the file, each with a figure.
        var idu = await Cli.RunAsync("import", "idmc", TestEnvironment.SharedData("displacement", "idmc_idu_events_india.csv"), "--db", scratch.Location.ConnectionString);
        Assert.Equal(0, idu.ExitCode);
        Assert.Contains("Read 113 rows of idmc_idu_events_india.csv: 113 figures added", idu.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_or_non_numeric_figure_refuses_the_whole_file_naming_line_and_column()
    {
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite);
        var path = await FileAsync("iso3,country_name,year,new_displacement,new_displacement_rounded,total_displacement,total_displacement_rounded\n"
            + "AZE,Azerbaijan,2020,83997,,735455,\n"
            + "ARM,Armenia,2020,-800,,800,\n"
            + "GEO,Georgia,2020,12,,many,\n");

        var result = await Cli.RunAsync("import", "idmc", path, "--db", scratch.Location.ConnectionString);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("line 3: new_displacement", result.Error, StringComparison.Ordinal);
        Assert.Contains("negative", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: total_displacement", result.Error, StringComparison.Ordinal);
        await using var context = new Store(scratch.Location, TimeProvider.System).Open();
        Assert.Equal(0, await context.Set<DisplacementFigure>().CountAsync(TestContext.Current.CancellationToken));
    }
}
