using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Truce.Storage;

/// <summary>
/// Where a write's time goes, in the form any .NET tool reads (dotnet-counters, dotnet-trace, an OpenTelemetry
/// exporter): spans of the ActivitySource "Truce.Write" (auth, validate, snapshot, queue.wait per submission; batch with
/// replay.check, batch.build, journal.lock, journal.write and commit per batch) and instruments of the Meter of the same name.
/// Both cost almost nothing while nobody listens: StartActivity returns null and a histogram without a listener
/// records nothing.
/// </summary>
public static class WriteTelemetry
{
    public const string Name = "Truce.Write";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Records per group commit.</summary>
    internal static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("truce.write.batch.size", "{record}",
        "Records written in one group commit.");

    /// <summary>Records waiting for the writer: up on enqueue, down when the writer takes one.</summary>
    internal static readonly UpDownCounter<int> QueueDepth = Meter.CreateUpDownCounter<int>("truce.write.queue.depth", "{record}",
        "Records waiting for the group commit's writer.");

    /// <summary>Milliseconds the writer spends on one batch, from taking it to answering its callers.</summary>
    internal static readonly Histogram<double> WriterTime = Meter.CreateHistogram<double>("truce.write.writer.time", "ms",
        "Time the writer spends on one batch.");

    /// <summary>Milliseconds per stage, tagged stage=auth|validate|snapshot|queue.wait|replay.check|batch.build|journal.lock|journal.write|commit
    /// (journal.lock: the lock and the read of the last entry; journal.write: the chain and the INSERTs).</summary>
    internal static readonly Histogram<double> StageTime = Meter.CreateHistogram<double>("truce.write.stage.time", "ms",
        "Time spent in one stage of the write path.");

    /// <summary>Times one stage: a span named after it (a child of the current one) and a sample of <see cref="StageTime"/>.</summary>
    public static WriteStage Begin(string stage) => new(stage, Source.StartActivity(stage), Stopwatch.GetTimestamp());
}
