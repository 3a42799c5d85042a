namespace Truce.Bench.Load;

/// <summary>
/// A burst after idle: answers by kind, and what the store holds afterwards. It passes when nothing but 201/200 and
/// 503-with-Retry-After came back, no request timed out, and every acknowledged observation is stored and journaled once.
/// </summary>
internal sealed record BurstReport(
    int Clients, TimeSpan Length, long Acknowledged, long Busy, long BusyWithoutRetryAfter, long OtherFailures, long TimedOut,
    double P99Ms, long Stored, long Journaled, long AcknowledgedMissing)
{
    public bool Passed => Acknowledged > 0 && BusyWithoutRetryAfter == 0 && OtherFailures == 0 && TimedOut == 0
        && AcknowledgedMissing == 0 && Stored == Acknowledged && Journaled == Acknowledged;
}
