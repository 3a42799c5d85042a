using System.Globalization;
using Truce.Bench.Queries;
using Truce.Storage;

// dotnet bench/Queries/bin/Release/net10.0/Truce.Bench.Queries.dll [--rows N] [--queries K] [--pg CONNECTION] [--no-sqlite]
// TRUCE_TEST_PG also selects a PostgreSQL server for the second run.
var rows = 1_000_000;
var queries = 200;
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
        case "--pg" when i + 1 < args.Length:
            postgres = args[++i];
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
if (sqlite)
{
    Console.WriteLine(await QueryBenchmark.RunAsync(Engine.Sqlite, synthetic, near, null, Console.Error));
}
if (postgres is not null)
{
    Console.WriteLine(await QueryBenchmark.RunAsync(Engine.Postgres, synthetic, near, postgres, Console.Error));
}
return 0;
