using Truce.Bench.Queries;
using Truce.Storage;

namespace Truce.Tests.Monitoring;

public sealed class QueryBenchmarkSmokeTests
{
    // The benchmark's quick mode, as a smoke test only: timings never fail a test. The run itself throws
    // unless Truce's near query, the R*Tree and the brute-force scan return the same ids for every query.
    [Theory, MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_near_query_benchmark_runs_in_quick_mode_and_every_method_returns_the_same_ids(Engine engine)
    {
        var rows = SyntheticObservations.Generate(3000);
        var queries = NearQuery.Generate(rows, 20);

        var figures = await QueryBenchmark.RunAsync(engine, rows, queries, engine == Engine.Postgres ? TestEnvironment.RequirePostgres() : null, TextWriter.Null);

        Assert.Equal(3000, figures.Rows);
        Assert.Equal(20, figures.Queries);
        Assert.True(figures.MeanMatches > 0, "the queries should find something, or agreement proves nothing");
        Assert.Contains(figures.Latencies, l => l.Method.StartsWith("truce", StringComparison.Ordinal));
    }
}
