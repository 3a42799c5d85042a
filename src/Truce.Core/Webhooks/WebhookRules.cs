namespace Truce.Webhooks;

/// <summary>The pure rules of webhook delivery.</summary>
public static class WebhookRules
{
    public const int MaxUrl = 2000;

    /// <summary>Longest failure text kept per attempt, in characters.</summary>
    public const int MaxError = 500;

    /// <summary>
    /// The wait after failed attempt <paramref name="attempts"/> (1 for the first): exponential from the first retry,
    /// capped at the longest delay.
    /// </summary>
    public static TimeSpan Backoff(int attempts, WebhookTimings timings)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var delay = timings.FirstRetry * Math.Pow(2, doublings);
        return delay < timings.MaxDelay ? delay : timings.MaxDelay;
    }

    /// <summary>Whether a receiver's HTTP status counts as delivered: any 2xx, as Standard Webhooks says.</summary>
    public static bool Accepted(int status) => status is >= 200 and < 300;
}
