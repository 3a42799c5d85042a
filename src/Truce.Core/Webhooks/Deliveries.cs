using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Webhooks;

/// <summary>
/// The senders' side of the outbox, safe with several nodes on one store: a delivery is claimed by changing its lease
/// token where it still has the token that was read (an atomic conditional UPDATE on both engines), so of two senders
/// that read the same row one claim succeeds and the other finds it taken. Claims, attempts and outcomes are journaled.
/// </summary>
public static class Deliveries
{
    /// <summary>Claims up to <paramref name="limit"/> due deliveries for this sender; answers those it holds.</summary>
    public static async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(
        Store store, WebhookTimings timings, int limit, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(store.Clock);
        List<Guid> due;
        await using (var db = store.Open(Viewer.System))
        {
            due = await db.Set<WebhookDelivery>().AsNoTracking()
                .Where(d => d.DeliveredAt == null && d.DeadAt == null && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil <= now))
                .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(limit).ToListAsync(cancellationToken);
        }
        var claimed = new List<ClaimedDelivery>();
        foreach (var id in due)
        {
            await using var db = store.Open(Viewer.System);
            var row = await db.Set<WebhookDelivery>().Join(db.Set<WebhookSubscription>(), d => d.SubscriptionId, s => s.Id, (d, s) => new { Delivery = d, s.Url, s.Secret })
                .FirstOrDefaultAsync(x => x.Delivery.Id == id && x.Delivery.DeliveredAt == null && x.Delivery.DeadAt == null
                    && (x.Delivery.LeaseUntil == null || x.Delivery.LeaseUntil <= now), cancellationToken);
            if (row is null)
            {
                continue;
            }
            row.Delivery.LeaseUntil = Instant.Normalize(now + timings.Lease);
            row.Delivery.LeaseToken = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                claimed.Add(new ClaimedDelivery(row.Delivery, row.Url, row.Secret));
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another sender claimed it between our read and our write: it is theirs.
            }
        }
        return claimed;
    }

    /// <summary>
    /// Records one attempt at a claimed delivery and releases it: delivered on a 2xx, otherwise due again after the backoff,
    /// or dead when the attempts ran out. <paramref name="status"/> is null when the receiver could not be reached.
    /// False when the lease was lost (another sender holds the delivery now), in which case nothing is recorded.
    /// </summary>
    public static async Task<bool> RecordAsync(
        Store store, WebhookTimings timings, ClaimedDelivery claimed, int? status, string? error, CancellationToken cancellationToken = default)
    {
        await using var db = store.Open(Viewer.System);
        var delivery = claimed.Delivery;
        db.Attach(delivery);
        var now = Instant.Now(store.Clock);
        delivery.Attempts++;
        db.Add(new WebhookAttempt
        {
            Id = Guid.CreateVersion7(now), DeliveryId = delivery.Id, Number = delivery.Attempts, At = now, Status = status,
            Error = error is null ? null : error.Length <= WebhookRules.MaxError ? error : error[..WebhookRules.MaxError],
        });
        if (status is { } code && WebhookRules.Accepted(code))
        {
            delivery.DeliveredAt = now;
            delivery.LastError = null;
        }
        else
        {
            delivery.LastError = error ?? $"HTTP {status}";
            if (delivery.Attempts >= timings.MaxAttempts)
            {
                delivery.DeadAt = now;
            }
            else
            {
                delivery.NextAttemptAt = Instant.Normalize(now + WebhookRules.Backoff(delivery.Attempts, timings));
            }
        }
        delivery.LeaseUntil = null;
        delivery.LeaseToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The lease ran out and another sender claimed the delivery: its outcome is the one that counts.
            return false;
        }
    }
}
