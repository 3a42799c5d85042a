namespace Truce.Webhooks;

/// <summary>A delivery a sender holds the lease on, with where to send it and the key to sign it with.</summary>
public sealed record ClaimedDelivery(WebhookDelivery Delivery, string Url, string Secret);
