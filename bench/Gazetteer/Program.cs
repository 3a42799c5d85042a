using System.Globalization;
using Truce.Bench.Gazetteer;
using Truce.Storage;

// dotnet bench/Gazetteer/bin/Release/net10.0/Truce.Bench.Gazetteer.dll [--names N] [--queries K] [--pg CONNECTION] [--no-sqlite] [--quick]
// TRUCE_TEST_PG also selects a PostgreSQL server for the second run. --quick (4000 names, 30 queries) is what CI runs:
// a run throws unless the search's total equals the scan's count for every query, and exits 1 if the queries found
// nothing (agreement on nothing proves nothing); timings never fail it.
var names = 1_000_000;
var count = 300;
var sqlite = true;
string? postgres = Environment.GetEnvironmentVariable("TRUCE_TEST_PG") is { Length: > 0 } pg ? pg : null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--names" when i + 1 < args.Length:
            names = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--queries" when i + 1 < args.Length:
            count = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--pg" when i + 1 < args.Length:
            postgres = args[++i];
            break;
        case "--quick":
            (names, count) = (4000, 30);
            break;
        case "--no-sqlite":
            sqlite = false;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            return 2;
    }
}

var data = SyntheticGazetteer.Generate(names);
// What people type: the first 3 to 6 letters of a name, in whichever script that name is written.
var random = new Random(7);
var queries = Enumerable.Range(0, count).Select(_ =>
{
    var name = data.Names[random.Next(data.Names.Count)].Name;
    return name[..Math.Min(name.Length, 3 + random.Next(4))];
}).ToList();

var figures = new List<Figures>();
if (sqlite)
{
    figures.Add(await GazetteerBenchmark.RunAsync(Engine.Sqlite, data, queries, null, Console.Error));
    Console.WriteLine(figures[^1]);
}
if (postgres is not null)
{
    figures.Add(await GazetteerBenchmark.RunAsync(Engine.Postgres, data, queries, postgres, Console.Error));
    Console.WriteLine(figures[^1]);
}
var empty = figures.Where(f => f.MeanMatches <= 0).ToList();
foreach (var f in empty)
{
    Console.Error.WriteLine($"check failed: on {f.Engine} the queries found nothing.");
}
return empty.Count == 0 ? 0 : 1;
