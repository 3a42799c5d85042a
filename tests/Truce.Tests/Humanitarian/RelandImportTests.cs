using Microsoft.EntityFrameworkCore;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Tests.Humanitarian;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>The RELand landmine grid (data/mine_action) as a hazard layer, counted against the file independently.</summary>
public sealed class RelandImportTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_grid_imports_affected_cells_as_confirmed_and_mine_free_ones_as_cancelled_with_the_files_counts(Engine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchStore.CreateAsync(engine, ct);
        var file = TestEnvironment.SharedData("mine_action", "reland_colombia_landmine_grid_antioquia_caldas.csv");

        // Counted by hand with awk -F, 'NR>1{c[$2]++}': 1345 cells with mines_outcome 1, 4449 with 0, 2853 with -1; 8647 in all.
        // The same counted here from the raw lines (the file has no quoted cells), not through Truce's CSV reader.
        var outcomes = File.ReadLines(file).Skip(1).Select(l => l.Split(',')[1]).GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((1345, 4449, 2853), (outcomes["1"], outcomes["0"], outcomes["-1"]));

        var run = await Cli.RunAsync("import", "reland", file, "--db", scratch.Location.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Read 8647 cells of reland_colombia_landmine_grid_antioquia_caldas.csv: 1345 affected (confirmed), 4449 declared mine-free (cancelled), 2853 without data passed over, 0 already imported.",
            run.Output, StringComparison.Ordinal);
        await using (var db = new Store(scratch.Location, TimeProvider.System).Open())
        {
            Assert.Equal(1345, await db.Set<HazardousArea>().CountAsync(a => a.Status == HazardStatus.Confirmed, ct));
            Assert.Equal(4449, await db.Set<HazardousArea>().CountAsync(a => a.Status == HazardStatus.Cancelled, ct));
            // Cell 0 (ABEJORRAL, 5.71427892, -75.56295027) has no data; the file's first affected cell is checked by its square.
            var first = File.ReadLines(file).Skip(1).Select(l => l.Split(',')).First(c => c[1] == "1");
            var area = await db.Set<HazardousArea>().SingleAsync(a => a.Name == $"RELand cell {first[0]} ({first[4]})", ct);
            using var json = System.Text.Json.JsonDocument.Parse(area.GeometryJson);
            var geometry = json.RootElement.GetProperty("coordinates")[0];
            var (lon, lat) = (double.Parse(first[3], System.Globalization.CultureInfo.InvariantCulture), double.Parse(first[2], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(lon - 0.0044871795, geometry[0][0].GetDouble(), 9);
            Assert.Equal(lat + 0.0044871795, geometry[2][1].GetDouble(), 9);
            Assert.Equal(5, geometry.GetArrayLength());
        }

        var again = await Cli.RunAsync("import", "reland", file, "--db", scratch.Location.ConnectionString);
        Assert.Contains("5794 already imported", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_with_an_unknown_outcome_refuses_the_file_naming_line_and_column()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite, ct);
        var path = Path.Combine(Directory.CreateTempSubdirectory("truce-reland-").FullName, "grid.csv");
        await File.WriteAllTextAsync(path, "cell_id,mines_outcome,latitude,longitude,municipio,predicted_risk_sonson_avg\n1,1,5.7,-75.5,X,0.2\n2,2,5.7,-75.5,X,0.2\n3,0,95,-75.5,X,0.2\n", ct);

        var run = await Cli.RunAsync("import", "reland", path, "--db", scratch.Location.ConnectionString);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("line 3: mines_outcome", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: latitude", run.Error, StringComparison.Ordinal);
        await using var db = new Store(scratch.Location, TimeProvider.System).Open();
        Assert.Equal(0, await db.Set<HazardousArea>().CountAsync(ct));
    }
}
