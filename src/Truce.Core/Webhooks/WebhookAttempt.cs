using Truce.Access;

namespace Truce.Webhooks;

/// <summary>One try at sending a delivery: when, the receiver's HTTP status (none if it could not be reached) and why it failed.</summary>
[ReadBy(ReadRule.Restricted)]
public sealed class WebhookAttempt
{
    public Guid Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    public int? Status { get; set; }

    public string? Error { get; set; }
}
