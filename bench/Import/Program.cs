using Truce.Bench.Import;
using Truce.Storage;

// dotnet run -c Release --project bench/Import -- [--rows N] [--engine sqlite|postgres] [--pg CONNECTION] [--in-time-order] [--quick]
// TRUCE_TEST_PG also selects a PostgreSQL server for the second run. --quick (2000 rows) is what CI runs: it
// shows the run works end to end and exits 1 if the import did not store every row; timings never fail it.
// --in-time-order writes the file's rows by date (a release published by year comes close) instead of shuffled in time.
var rows = 100_000L;
var inTimeOrder = false;
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
    else if (args[i] == "--in-time-order")
    {
        inTimeOrder = true;
    }
    else if (args[i] == "--quick")
    {
        rows = 2000;
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
        return 2;
    }
}

var figures = new List<Figures>();
if (only is null or Engine.Sqlite)
{
    figures.Add(await ImportBenchmark.RunAsync(Engine.Sqlite, rows, null, Console.Error, inTimeOrder));
}
if (postgres is not null && only is null or Engine.Postgres)
{
    figures.Add(await ImportBenchmark.RunAsync(Engine.Postgres, rows, postgres, Console.Error, inTimeOrder));
}
foreach (var f in figures)
{
    Console.WriteLine(f);
}
// RunAsync throws when the import is refused; a run must also have stored every row and measured something.
var failed = figures.Where(f => f.Rows != rows || f.RawRowsPerSecond <= 0 || f.ImportRowsPerSecond <= 0 || f.PeakWorkingSetBytes <= 0).ToList();
foreach (var f in failed)
{
    Console.Error.WriteLine($"check failed: {f.Engine} imported {f.Rows} of {rows} rows or measured nothing.");
}
return failed.Count == 0 ? 0 : 1;
