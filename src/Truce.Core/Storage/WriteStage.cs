using System.Diagnostics;

namespace Truce.Storage;

/// <summary>One stage of the write path being timed (<see cref="WriteTelemetry.Begin"/>); ends when disposed.</summary>
public readonly struct WriteStage(string name, Activity? activity, long started) : IDisposable
{
    /// <summary>The stage's span, null while nobody listens to <see cref="WriteTelemetry.Source"/>.</summary>
    public Activity? Activity => activity;

    public void Dispose()
    {
        activity?.Dispose();
        WriteTelemetry.StageTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", name));
    }
}
