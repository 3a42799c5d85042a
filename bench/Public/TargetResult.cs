namespace Truce.Bench.Public;

/// <summary>
/// One target's phase: requests answered 200 (with the bytes read), those answered otherwise or not at all, the latency
/// of the 200s, and the size of one answer.
/// </summary>
internal sealed record TargetResult(string Name, string Path, long Succeeded, long Failed, TimeSpan Elapsed, double P50Ms, double P99Ms, long Bytes)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;
}
