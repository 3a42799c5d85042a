using System.Globalization;
using Truce.Bench.Timeline;
using Truce.Storage;

// dotnet bench/Handover/bin/Release/net10.0/Truce.Bench.Handover.dll [--handovers N] [--incidents N] [--runs K] [--pg CONNECTION] [--no-sqlite] [--quick]
// TRUCE_TEST_PG also selects a PostgreSQL server for the second run. --quick (200 handovers, 20,000 incidents, 5 runs) is
// what CI runs: a run throws unless the timeline and the one-by-one baseline agree on every gate, and exits 1 unless some
// handovers fail a gate and some pass them all (agreement on one outcome proves little); timings never fail it.
var handovers = 200;
var incidents = 1_000_000;
var runs = 30;
var sqlite = true;
string? postgres = Environment.GetEnvironmentVariable("TRUCE_TEST_PG") is { Length: > 0 } pg ? pg : null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--handovers" when i + 1 < args.Length:
            handovers = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--incidents" when i + 1 < args.Length:
            incidents = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--runs" when i + 1 < args.Length:
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--pg" when i + 1 < args.Length:
            postgres = args[++i];
            break;
        case "--quick":
            (handovers, incidents, runs) = (200, 20_000, 5);
            break;
        case "--no-sqlite":
            sqlite = false;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            return 2;
    }
}

var data = SyntheticPlan.Generate(handovers, incidents);
var figures = new List<Figures>();
if (sqlite)
{
    figures.Add(await HandoverBenchmark.RunAsync(Engine.Sqlite, data, runs, null, Console.Error));
    Console.WriteLine(figures[^1]);
}
if (postgres is not null)
{
    figures.Add(await HandoverBenchmark.RunAsync(Engine.Postgres, data, runs, postgres, Console.Error));
    Console.WriteLine(figures[^1]);
}
var uniform = figures.Where(f => f.Failing == 0 || f.Failing == f.Handovers).ToList();
foreach (var f in uniform)
{
    Console.Error.WriteLine($"check failed: on {f.Engine} every handover came out the same ({f.Failing} of {f.Handovers} failing a gate).");
}
return uniform.Count == 0 ? 0 : 1;
