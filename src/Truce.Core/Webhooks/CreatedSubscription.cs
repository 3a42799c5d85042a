namespace Truce.Webhooks;

/// <summary>A subscription just created, with its secret: the only time the secret is given out (null on a retry).</summary>
public sealed record CreatedSubscription(WebhookSubscription Subscription, string? Secret);
