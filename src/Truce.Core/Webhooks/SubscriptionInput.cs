namespace Truce.Webhooks;

/// <summary>
/// A new subscription as sent: a client-generated id (a retry is recognised), the URL, the event names, and the owning
/// party (a liaison's own by default; an administrator may name a party, or none for the mission).
/// </summary>
public sealed record SubscriptionInput(Guid? Id, string? Url, IReadOnlyList<string>? Events, string? Party);
