using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Handovers;
using Truce.Storage;
using Truce.Testing;

namespace Truce.Bench.Timeline;

/// <summary>Latency of one method over the runs, in milliseconds.</summary>
public sealed record Latency(string Method, double P50Ms, double P95Ms)
{
    public static Latency Of(string method, List<double> ms)
    {
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return new Latency(method, At(0.50), At(0.95));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method,-44} p50 {P50Ms,8:F1} ms  p95 {P95Ms,8:F1} ms");
}

public sealed record Figures(string Engine, int Handovers, int Incidents, int Runs, int Failing, double LoadSeconds, IReadOnlyList<Latency> Latencies)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Engine}: {Handovers} handovers over {Incidents:N0} incidents (loaded and journaled in {LoadSeconds:F1} s), {Runs} runs; {Failing} handovers fail a gate, both methods agreed on every gate\n")
        + string.Join("\n", Latencies.Select(l => "  " + l));
}

/// <summary>
/// The handover timeline as the page and GET /api/handover/timeline build it, <see cref="HandoverTimeline.LoadAsync"/>
/// (every gate of every handover in a fixed number of queries, one spatial query for the incidents near any), beside the
/// baseline: each handover's gates evaluated with their own queries (<see cref="HandoverGates.EvaluateAsync"/> called per
/// handover). Both run as an analyst on the same store in the same run. Every gate's outcome and evidence must agree, or
/// the run fails.
/// </summary>
public static class HandoverBenchmark
{
    private static readonly Viewer Analyst = new(null, "analyst", Role.Analyst, null);

    public static async Task<Figures> RunAsync(Engine engine, SyntheticPlan data, int runs, string? postgresAdmin, TextWriter log)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine == Engine.Postgres ? postgresAdmin : null);
        var clock = new FixedClock(SyntheticPlan.Now);
        var store = new Store(scratch.Location, clock);
        await store.MigrateAsync();
        var load = Stopwatch.StartNew();
        await using (var db = store.Open())
        {
            await db.Database.OpenConnectionAsync();
            await db.BulkInsertAsync(data.Mission);
            const int batch = 20_000;
            for (var i = 0; i < data.Incidents.Count; i += batch)
            {
                await db.BulkInsertAsync([.. data.Incidents.Skip(i).Take(batch)]);
                if (i % 200_000 == 0)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: {i:N0} incidents written"));
                }
            }
            // Fresh statistics on both engines, as a store that has lived a while has.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        load.Stop();

        var timeline = new List<double>();
        var separate = new List<double>();
        var failing = 0;
        await using (var db = store.Open())
        {
            // Warm the connection pool, the plan caches and the pages the index sits on.
            await HandoverTimeline.LoadAsync(db, Analyst);
            await OneByOneAsync(db);
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var all = await HandoverTimeline.LoadAsync(db, Analyst);
                timeline.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                var each = await OneByOneAsync(db);
                separate.Add(watch.Elapsed.TotalMilliseconds);
                failing = Compare(all.Handovers, each);
            }
        }
        return new Figures(engine.ToString(), data.Mission.OfType<Truce.Handovers.Handover>().Count(), data.Incidents.Count, runs, failing, load.Elapsed.TotalSeconds,
            [Latency.Of("truce timeline (gates in a fixed set of queries)", timeline), Latency.Of("each handover's gates by their own queries", separate)]);
    }

    /// <summary>The baseline: the plan read as the timeline reads it, then each handover's gates evaluated on their own.</summary>
    private static async Task<List<HandoverGates.Evaluated>> OneByOneAsync(TruceDb db)
    {
        var handovers = (await db.Set<Truce.Handovers.Handover>().AsNoTracking().ToListAsync()).OrderBy(h => h.ScheduledAt).ThenBy(h => h.Id).ToList();
        var evaluated = new List<HandoverGates.Evaluated>(handovers.Count);
        foreach (var handover in handovers)
        {
            evaluated.AddRange(await HandoverGates.EvaluateAsync(db, Analyst, [handover]));
        }
        return evaluated;
    }

    /// <summary>Throws unless both methods give every handover the same gates, outcomes and evidence; answers how many handovers fail a gate.</summary>
    private static int Compare(IReadOnlyList<HandoverGates.Evaluated> timeline, IReadOnlyList<HandoverGates.Evaluated> separate)
    {
        static string Key(HandoverGates.Evaluated e) => e.Handover.Id + ": " + string.Join("; ", e.Gates.Select(g =>
            $"{g.Kind} {g.Passed} [{string.Join(',', g.Evidence.Select(x => x.ToString()))}]"));
        var a = timeline.Select(Key).Order(StringComparer.Ordinal).ToList();
        var b = separate.Select(Key).Order(StringComparer.Ordinal).ToList();
        if (!a.SequenceEqual(b))
        {
            var first = a.Zip(b).First(p => p.First != p.Second);
            throw new InvalidOperationException($"the timeline and the baseline disagree:\n  {first.First}\n  {first.Second}");
        }
        return timeline.Count(e => !e.AllPassed);
    }

    /// <summary>The clock at <see cref="SyntheticPlan.Now"/>, so the quiet windows cover the synthetic incidents' last days.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
