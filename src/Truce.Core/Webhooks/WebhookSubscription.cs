using Truce.Access;

namespace Truce.Webhooks;

/// <summary>
/// A partner system's address for some of Truce's events. Owned by a party (its hotline threads, and the public reports)
/// or by the mission (the public reports only). Its secret signs every delivery; it is shown once, when created.
/// </summary>
[ReadBy(ReadRule.Restricted)]
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    /// <summary>An absolute http or https URL the deliveries are POSTed to.</summary>
    public string Url { get; set; } = "";

    /// <summary>The event names subscribed to (<see cref="WebhookEvents"/>), space-separated.</summary>
    public string Events { get; set; } = "";

    /// <summary>The party that owns it and whose view its payloads are built from; null: the mission's (public view).</summary>
    public string? PartyId { get; set; }

    /// <summary>The signing secret in Standard Webhooks form, <c>whsec_</c> and base64 of 32 random bytes (journaled as its SHA-256).</summary>
    public string Secret { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Set when disabled: nothing more is enqueued for it, and what is queued is given up.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public string? DisabledBy { get; set; }

    public string SubmissionHash { get; set; } = "";

    public bool Wants(string eventName) => DisabledAt is null && Events.Split(' ').Contains(eventName, StringComparer.Ordinal);
}
