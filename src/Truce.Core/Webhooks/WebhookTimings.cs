namespace Truce.Webhooks;

/// <summary>
/// How deliveries are retried: the first retry after <paramref name="FirstRetry"/>, each next one twice as late up to
/// <paramref name="MaxDelay"/>; after <paramref name="MaxAttempts"/> tries a delivery is dead. A sender holds a claimed
/// delivery for <paramref name="Lease"/> (longer than <paramref name="Timeout"/>, so no second sender takes it mid-send).
/// </summary>
public sealed record WebhookTimings(TimeSpan FirstRetry, TimeSpan MaxDelay, int MaxAttempts, TimeSpan Timeout, TimeSpan Lease, TimeSpan Poll)
{
    public static WebhookTimings Default { get; } = new(
        TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 8, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
}
