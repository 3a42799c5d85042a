using Truce.Bench.Import;
using Truce.Storage;

namespace Truce.Tests.Import;

public sealed class ImportBenchmarkSmokeTests
{
    // The benchmark's quick mode, as a smoke test only: timings never fail a test.
    [Fact]
    public async Task The_import_benchmark_runs_in_quick_mode_and_reports_rates()
    {
        var figures = await ImportBenchmark.RunAsync(Engine.Sqlite, 2000, null, TextWriter.Null);

        Assert.Equal(2000, figures.Rows);
        Assert.True(figures.RawRowsPerSecond > 0);
        Assert.True(figures.ImportRowsPerSecond > 0);
        Assert.True(figures.PeakWorkingSetBytes > 0);
    }
}
