using Truce.Access;

namespace Truce.Webhooks;

/// <summary>
/// One event for one subscription: the outbox row. Written in the same transaction as the change it tells of, so a
/// rolled-back change sends nothing and a committed one is never lost. Its id is the <c>webhook-id</c> header, the same on
/// every retry, so a receiver can drop a repeat. A sender claims it with a lease before sending.
/// </summary>
[ReadBy(ReadRule.Restricted)]
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public string Event { get; set; } = "";

    /// <summary>The JSON body, built when enqueued from what the subscription's owner may see; sent byte for byte on every attempt.</summary>
    public string Payload { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be sent before this instant (the backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Held by a sender until this instant; another sender may claim it only after.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Changed by every claim: the concurrency token that makes a claim atomic on both engines.</summary>
    public Guid LeaseToken { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Given up: the attempts ran out, or the subscription was disabled.</summary>
    public DateTimeOffset? DeadAt { get; set; }

    public string? LastError { get; set; }

    public string State => DeliveredAt is not null ? "delivered" : DeadAt is not null ? "dead" : Attempts == 0 ? "pending" : "retrying";
}
