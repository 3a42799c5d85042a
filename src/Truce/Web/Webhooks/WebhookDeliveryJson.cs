using Truce.Webhooks;

namespace Truce.Web;

/// <summary>One delivery of a subscription: its state (pending, retrying, delivered, dead), its attempts and when it is next due.</summary>
internal sealed record WebhookDeliveryJson(
    Guid Id, string Event, string State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt,
    string? LastError, IReadOnlyList<WebhookAttemptJson> Tries)
{
    public static WebhookDeliveryJson From((WebhookDelivery Delivery, IReadOnlyList<WebhookAttempt> Attempts) row)
    {
        var d = row.Delivery;
        var open = d.DeliveredAt is null && d.DeadAt is null;
        return new(d.Id, d.Event, d.State, d.Attempts, d.CreatedAt, open ? d.NextAttemptAt : null, d.DeliveredAt, d.LastError,
            [.. row.Attempts.Select(a => new WebhookAttemptJson(a.Number, a.At, a.Status, a.Error))]);
    }
}
