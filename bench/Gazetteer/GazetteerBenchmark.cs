using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Truce.Gazetteer;
using Truce.Lists;
using Truce.Storage;
using Truce.Testing;

namespace Truce.Bench.Gazetteer;

/// <summary>Latency of one method over the queries, in milliseconds.</summary>
public sealed record Latency(string Method, double P50Ms, double P99Ms)
{
    public static Latency Of(string method, List<double> ms)
    {
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return new Latency(method, At(0.50), At(0.99));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method,-34} p50 {P50Ms,8:F2} ms  p99 {P99Ms,8:F2} ms");
}

public sealed record Figures(string Engine, int Names, int Queries, double MeanMatches, int Bounded, double LoadSeconds, IReadOnlyList<Latency> Latencies)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Engine}: {Names:N0} names (loaded and journaled in {LoadSeconds:F1} s), {Queries} prefix queries, {MeanMatches:F1} places matched on average (by the scan), {Bounded} of them past the exact count's bound of {Places.CountedUpTo:N0}; search and scan agreed on every query\n")
        + string.Join("\n", Latencies.Select(l => "  " + l));
}

/// <summary>
/// Name search timed through Truce's own path, <see cref="Places.SearchAsync"/> (what GET /api/places calls: a range
/// of the (key, place) index, a page of 50 places with all their names, and the total), beside a full scan of the same
/// table (the same key test written so that no index can serve it). The names are written through the journaled bulk
/// lane, as an import writes them. Each query's total must equal the scan's count of places (or, past
/// <see cref="Places.CountedUpTo"/>, be less than it, the search saying "more than"), or the run fails.
/// </summary>
public static class GazetteerBenchmark
{
    public static async Task<Figures> RunAsync(Engine engine, SyntheticGazetteer data, IReadOnlyList<string> queries, string? postgresAdmin, TextWriter log)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine == Engine.Postgres ? postgresAdmin : null);
        var store = new Store(scratch.Location, TimeProvider.System);
        await store.MigrateAsync();
        var load = Stopwatch.StartNew();
        await using (var db = store.Open())
        {
            await db.Database.OpenConnectionAsync();
            const int batch = 20_000;
            for (var i = 0; i < data.Places.Count; i += batch)
            {
                await db.BulkInsertAsync([.. data.Places.Skip(i).Take(batch)]);
            }
            for (var i = 0; i < data.Names.Count; i += batch)
            {
                await db.BulkInsertAsync([.. data.Names.Skip(i).Take(batch)]);
                if (i % 200_000 == 0)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: {i:N0} names written"));
                }
            }
            // Fresh statistics on both engines, as a store that has lived a while has. On PostgreSQL also the visibility
            // map that autovacuum keeps: without it an index-only scan of freshly copied rows visits the table for each
            // one (EXPLAIN's "Heap Fetches"), which is a state of a bulk load, not of a live gazetteer.
            await db.Database.ExecuteSqlRawAsync(engine == Engine.Postgres ? "VACUUM ANALYZE" : "ANALYZE");
        }
        load.Stop();

        var search = new List<double>();
        var scan = new List<double>();
        double matched = 0;
        var bounded = 0;
        await using (var db = store.Open())
        {
            // Warm the connection pool, the plan caches and the pages the index sits on.
            foreach (var query in queries.Take(5))
            {
                await Places.SearchAsync(db, query, Paging.Default);
            }
            // The benchmark holds the whole synthetic gazetteer in memory, which a server does not: collect once before
            // timing, and count the collections during it, so that a pause of the benchmark's own heap is seen as such.
            // The searches are timed together and the scans after them: a scan between two searches reads the whole
            // table through the engine's page cache, which a live gazetteer's searches do not meet.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
            var answers = new List<Page<PlaceHit>>(queries.Count);
            foreach (var query in queries)
            {
                var watch = Stopwatch.StartNew();
                var found = await Places.SearchAsync(db, query, Paging.Default);
                search.Add(watch.Elapsed.TotalMilliseconds);
                answers.Add(found.Value ?? throw new InvalidOperationException($"the search for '{query}' was refused: {found.Failure?.Title}"));
            }
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{engine}: collections while searching: {GC.CollectionCount(0) - gen0} of generation 0, {GC.CollectionCount(2) - gen2} of generation 2"));
            foreach (var (query, found) in queries.Zip(answers))
            {
                var key = NameKey.Of(query);
                var watch = Stopwatch.StartNew();
                var scanned = await db.Set<PlaceName>().AsNoTracking().Where(n => n.Key.Substring(0, key.Length) == key)
                    .Select(n => n.PlaceId).Distinct().CountAsync();
                scan.Add(watch.Elapsed.TotalMilliseconds);
                // Past Places.CountedUpTo the search says "more than total": the scan must then find more.
                if (found.TotalIsLowerBound ? scanned <= found.Total : scanned != found.Total)
                {
                    var counted = found.TotalIsLowerBound ? $"more than {found.Total}" : $"{found.Total}";
                    throw new InvalidOperationException($"'{query}' ({key}): the search counted {counted} places, the scan {scanned}.");
                }
                bounded += found.TotalIsLowerBound ? 1 : 0;
                matched += scanned;
            }
        }
        return new Figures(engine.ToString(), data.Names.Count, queries.Count, matched / queries.Count, bounded, load.Elapsed.TotalSeconds,
            [Latency.Of("truce search (index range, page)", search), Latency.Of("full scan (count)", scan)]);
    }
}
