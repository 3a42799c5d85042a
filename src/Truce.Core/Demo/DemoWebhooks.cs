using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Hotline;
using Truce.Storage;
using Truce.Webhooks;

namespace Truce.Demo;

/// <summary>
/// The demo's webhooks: each party's liaison subscribed its system to the hotline's events, at an address where nothing
/// listens (port 9, discard), with the latest message of its threads queued; the server's sender then shows them retrying.
/// </summary>
internal static class DemoWebhooks
{
    public static async Task LoadAsync(Store store, IReadOnlyDictionary<string, Viewer> staff, CancellationToken cancellationToken)
    {
        foreach (var liaison in staff.Values.Where(v => v.Role is Role.Liaison && v.PartyId is not null))
        {
            await using var db = store.Open(liaison);
            var created = await Subscriptions.CreateAsync(db, liaison, new SubscriptionInput(
                Guid.CreateVersion7(Instant.Now(store.Clock)), $"http://127.0.0.1:9/{liaison.PartyId}-ops/truce",
                [WebhookEvents.HotlineMessage, WebhookEvents.HotlineEscalated, WebhookEvents.HotlineAcknowledged], null), cancellationToken);
            if (created.Failure is not null)
            {
                continue;
            }
            var thread = await db.Set<HotlineThread>().AsNoTracking().Include(t => t.Messages)
                .Where(t => t.PartyId == liaison.PartyId || t.OtherPartyId == liaison.PartyId)
                .OrderByDescending(t => t.StartedAt).FirstOrDefaultAsync(cancellationToken);
            if (thread?.Messages.MaxBy(m => m.SentAt) is { } latest)
            {
                db.ChangeTracker.Clear();
                await Outbox.EnqueueAsync(db, WebhookEvents.HotlineMessage, thread, latest, cancellationToken: cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
