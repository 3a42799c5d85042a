using System.Globalization;
using Truce.Bench.Queries;
using Truce.Storage;

// dotnet bench/Queries/bin/Release/net10.0/Truce.Bench.Queries.dll [--rows N] [--queries K] [--year-queries Y] [--pg CONNECTION] [--no-sqlite] [--quick]
// Y year-long windows (default K / 4) are timed after the K 30-day ones, checked by their total and first page.
// TRUCE_TEST_PG also selects a PostgreSQL server for the second run. --quick (3000 rows, 20 queries) is what CI
// runs: a run throws unless Truce's near query, the R*Tree and the scan return the same ids for every query, and
// exits 1 if the queries found nothing (agreement on nothing proves nothing); timings never fail it.
var rows = 1_000_000;
var queries = 200;
int? yearQueries = null;
var sqlite = true;
string? postgres = Environment.GetEnvironmentVariable("TRUCE_TEST_PG") is { Length: > 0 } pg ? pg : null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows" when i + 1 < args.Length:
            rows = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--queries" when i + 1 < args.Length:
            queries = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--year-queries" when i + 1 < args.Length:
            yearQueries = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--pg" when i + 1 < args.Length:
            postgres = args[++i];
            break;
        case "--quick":
            (rows, queries) = (3000, 20);
            break;
        case "--no-sqlite":
            sqlite = false;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            return 2;
    }
}

var synthetic = SyntheticObservations.Generate(rows);
var near = NearQuery.Generate(synthetic, queries);
var year = NearQuery.Generate(synthetic, yearQueries ?? (queries / 4), seed: 5, days: 365);
var figures = new List<Figures>();
if (sqlite)
{
    figures.Add(await QueryBenchmark.RunAsync(Engine.Sqlite, synthetic, near, year, null, Console.Error));
    Console.WriteLine(figures[^1]);
}
if (postgres is not null)
{
    figures.Add(await QueryBenchmark.RunAsync(Engine.Postgres, synthetic, near, year, postgres, Console.Error));
    Console.WriteLine(figures[^1]);
}
var empty = figures.Where(f => f.MeanMatches <= 0 || !f.Latencies.Any(l => l.Method.StartsWith("truce", StringComparison.Ordinal))).ToList();
foreach (var f in empty)
{
    Console.Error.WriteLine($"check failed: on {f.Engine} the near queries found nothing or Truce's method was not timed.");
}
return empty.Count == 0 ? 0 : 1;
