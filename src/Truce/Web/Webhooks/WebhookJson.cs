using Truce.Webhooks;

namespace Truce.Web;

/// <summary>A subscription as its managers read it; <c>secret</c> only in the answer that created it.</summary>
internal sealed record WebhookJson(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Party, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt, string? Secret)
{
    public static WebhookJson From(WebhookSubscription s, string? secret = null) =>
        new(s.Id, s.Url, s.Events.Split(' ', StringSplitOptions.RemoveEmptyEntries), s.PartyId, s.CreatedAt, s.CreatedBy, s.DisabledAt, secret);
}
