using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Hotline;
using Truce.Reports;
using Truce.Storage;

namespace Truce.Webhooks;

/// <summary>
/// Puts events into the outbox: one <see cref="WebhookDelivery"/> per subscription that wants the event and whose owner
/// may see what it tells of, added to the caller's unit of work so that it commits, or rolls back, with the change itself.
/// Each payload is built as the owner would read it: a party's through <see cref="AccessPolicy"/> as that party's viewer,
/// the mission's subscriptions' as the public.
/// </summary>
public static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A hotline event of a thread: for the subscriptions of the parties that may read the thread, none other.</summary>
    public static async Task EnqueueAsync(
        TruceDb db, string eventName, HotlineThread thread, HotlineMessage message, HotlineEscalation? escalation = null, CancellationToken cancellationToken = default)
    {
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.DisabledAt == null && s.PartyId != null && (s.PartyId == thread.PartyId || s.PartyId == thread.OtherPartyId))
            .ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions.Where(s => s.Wants(eventName)))
        {
            var owner = OwnerOf(subscription);
            if (!new[] { thread }.AsQueryable().VisibleTo(owner).Any())
            {
                continue;
            }
            var data = new
            {
                Thread = new { thread.Id, thread.Subject, Parties = new[] { thread.PartyId, thread.OtherPartyId } },
                Message = new
                {
                    message.Id, Kind = Slug.Of(message.Kind), From = message.FromPartyId, To = message.ToPartyId, message.Body,
                    message.SentAt, message.DueAt, message.AcknowledgedAt,
                },
                Escalation = escalation is null ? null : new { escalation.Level, EscalatedTo = Slug.Of(escalation.EscalatedTo), escalation.DueSince },
            };
            Add(db, subscription, eventName, data);
        }
    }

    /// <summary>A report's publication (or a correction's) as the public reads it, for every subscription that wants it.</summary>
    public static async Task EnqueueAsync(TruceDb db, Report report, CancellationToken cancellationToken = default)
    {
        var eventName = report.CorrectsId is null ? WebhookEvents.ReportPublished : WebhookEvents.ReportCorrected;
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.DisabledAt == null).ToListAsync(cancellationToken);
        var wanting = subscriptions.Where(s => s.Wants(eventName)).ToList();
        if (wanting.Count == 0 || !Viewer.Anonymous.MayRead(report.Visibility))
        {
            return;
        }
        var shown = Viewer.Anonymous.Disclose(report, db.PublicPrecisionM);
        var data = new
        {
            shown.Id, Kind = Slug.Of(shown.Kind), shown.Year, shown.Number, shown.Headline, shown.PeriodFrom, shown.PeriodTo,
            shown.PublishedAt, Corrects = shown.CorrectsId, Url = $"/public/reports/{shown.Id}",
        };
        foreach (var subscription in wanting)
        {
            Add(db, subscription, eventName, data);
        }
    }

    /// <summary>
    /// The viewer a subscription's payloads are built for: its party's liaison (read-only), or the public. Signed in as
    /// the subscription, so that the policy treats it as a reader of that party and nothing more.
    /// </summary>
    public static Viewer OwnerOf(WebhookSubscription subscription) => subscription.PartyId is { } party
        ? new Viewer(subscription.Id, $"webhook {subscription.Id}", Role.Liaison, party, ReadOnly: true)
        : Viewer.Anonymous;

    private static void Add(TruceDb db, WebhookSubscription subscription, string eventName, object data)
    {
        var now = Instant.Now(db.Clock);
        var id = Guid.CreateVersion7(now);
        // The Standard Webhooks envelope: type, timestamp, data.
        var payload = JsonSerializer.Serialize(new { Type = eventName, Timestamp = now, Data = data }, Json);
        db.Add(new WebhookDelivery
        {
            Id = id, SubscriptionId = subscription.Id, Event = eventName, Payload = payload, CreatedAt = now, NextAttemptAt = now,
            LeaseToken = Guid.NewGuid(),
        });
    }
}
