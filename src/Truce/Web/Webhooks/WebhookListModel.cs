using Truce.Webhooks;

namespace Truce.Web;

/// <summary>
/// What the page <see cref="WebhookList"/> shows: the subscriptions the viewer manages with the states of their latest
/// deliveries, the parties an administrator may subscribe for, and a just-created subscription with its secret.
/// </summary>
public sealed record WebhookListModel(
    Chrome Chrome,
    IReadOnlyList<WebhookSubscription> Subscriptions,
    IReadOnlyDictionary<Guid, IReadOnlyList<string>> LatestStates,
    IReadOnlyList<string> Parties,
    Failure? Problem,
    CreatedSubscription? Created,
    Guid NewId) : IPageModel<WebhookList>;
