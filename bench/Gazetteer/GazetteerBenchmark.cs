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
    public static async Task<Figures> RunAsync(Engine engine, Func<SyntheticGazetteer> generate, IReadOnlyList<string> queries, IReadOnlyList<string> warmup, string? postgresAdmin, TextWriter log)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine == Engine.Postgres ? postgresAdmin : null);
        var store = new Store(scratch.Location, TimeProvider.System);
        await store.MigrateAsync();
        var load = Stopwatch.StartNew();
        var data = generate();
        var names = data.Names.Count;
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
        // Let the synthetic gazetteer go before searching: a server does not hold one, and a benchmark that did would
        // time its own heap's collections (docs/benchmarks.md, "Gazetteer", session 7).
        data = null;

        var search = new List<double>();
        var scan = new List<double>();
        double matched = 0;
        var bounded = 0;
        await using (var db = store.Open())
        {
            // Collect the load's garbage once before timing, and count the collections (and their pauses) during it. The
            // searches are timed together and the scans after them: a scan between two searches reads the whole table
            // through the engine's page cache, which a live gazetteer's searches do not meet.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            // Warm the connection pool, the JIT's tiers, the plan caches and the index's inner pages, with other queries.
            foreach (var query in warmup)
            {
                await Places.SearchAsync(db, query, Paging.Default);
            }
            var (gen0, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var answers = new List<(int Total, bool TotalIsLowerBound)>(queries.Count);
            foreach (var query in queries)
            {
                var watch = Stopwatch.StartNew();
                var found = await Places.SearchAsync(db, query, Paging.Default);
                search.Add(watch.Elapsed.TotalMilliseconds);
                var page = found.Value ?? throw new InvalidOperationException($"the search for '{query}' was refused: {found.Failure?.Title}");
                answers.Add((page.Total, page.TotalIsLowerBound));
            }
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{engine}: collections while searching: {GC.CollectionCount(0) - gen0} of generation 0, {GC.CollectionCount(2) - gen2} of generation 2, pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F1} ms in all"));
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
        return new Figures(engine.ToString(), names, queries.Count, matched / queries.Count, bounded, load.Elapsed.TotalSeconds,
            [Latency.Of("truce search (index range, page)", search), Latency.Of("full scan (count)", scan)]);
    }
}
