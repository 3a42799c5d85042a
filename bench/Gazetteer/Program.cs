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

// What people type: the first 3 to 6 letters of a name, in whichever script that name is written. Each engine's run
// generates the same gazetteer again and lets it go once written, so that no run searches beside the benchmark's heap.
// Another 200 (as many as the timed ones in --quick) warm the server first, as a live one is warm: its code compiled
// to its final tier and the index's inner pages cached, but not the timed queries' own leaves.
var gazetteer = SyntheticGazetteer.Generate(names);
var (queries, warmup) = (Queries(gazetteer, count, seed: 7), Queries(gazetteer, Math.Min(count, 200), seed: 8));
gazetteer = null;

var figures = new List<Figures>();
if (sqlite)
{
    figures.Add(await GazetteerBenchmark.RunAsync(Engine.Sqlite, () => SyntheticGazetteer.Generate(names), queries, warmup, null, Console.Error));
    Console.WriteLine(figures[^1]);
}
if (postgres is not null)
{
    figures.Add(await GazetteerBenchmark.RunAsync(Engine.Postgres, () => SyntheticGazetteer.Generate(names), queries, warmup, postgres, Console.Error));
    Console.WriteLine(figures[^1]);
}
var empty = figures.Where(f => f.MeanMatches <= 0).ToList();
foreach (var f in empty)
{
    Console.Error.WriteLine($"check failed: on {f.Engine} the queries found nothing.");
}
return empty.Count == 0 ? 0 : 1;

static List<string> Queries(SyntheticGazetteer data, int count, int seed)
{
    var random = new Random(seed);
    return [.. Enumerable.Range(0, count).Select(_ =>
    {
        var name = data.Names[random.Next(data.Names.Count)].Name;
        return name[..Math.Min(name.Length, 3 + random.Next(4))];
    })];
}
