using Truce.Bench.Import;
using Truce.Storage;

// dotnet run -c Release --project bench/Import -- [--rows N] [--engine sqlite|postgres] [--pg CONNECTION]
// TRUCE_TEST_PG also selects a PostgreSQL server for the second run.
var rows = 100_000L;
Engine? only = null;
string? postgres = Environment.GetEnvironmentVariable("TRUCE_TEST_PG") is { Length: > 0 } pg ? pg : null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--rows" && i + 1 < args.Length)
    {
        rows = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--engine" && i + 1 < args.Length)
    {
        only = Enum.Parse<Engine>(args[++i], ignoreCase: true);
    }
    else if (args[i] == "--pg" && i + 1 < args.Length)
    {
        postgres = args[++i];
    }
}

var figures = new List<Figures>();
if (only is null or Engine.Sqlite)
{
    figures.Add(await ImportBenchmark.RunAsync(Engine.Sqlite, rows, null, Console.Error));
}
if (postgres is not null && only is null or Engine.Postgres)
{
    figures.Add(await ImportBenchmark.RunAsync(Engine.Postgres, rows, postgres, Console.Error));
}
foreach (var f in figures)
{
    Console.WriteLine(f);
}
