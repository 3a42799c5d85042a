using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;
using Truce.Webhooks;

namespace Truce.Hotline;

/// <summary>
/// Records the escalation notices that are due: each (message, level) once, whichever node or run gets there first.
/// The levels come from <see cref="EscalationRules"/> over what is stored, so a node that was down catches up on the
/// levels it missed, and one that runs beside another meets its records (the key) instead of repeating them.
/// </summary>
public static class Escalations
{
    /// <summary>Records every level that has been reached and not yet recorded; answers the notices it recorded.</summary>
    public static async Task<IReadOnlyList<HotlineEscalation>> RecordDueAsync(
        Store store, HotlineDeadlines deadlines, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(store.Clock);
        List<(HotlineMessage Message, int Known)> lapsed;
        await using (var db = store.Open())
        {
            var rows = await db.Set<HotlineMessage>().AsNoTracking()
                .Where(m => m.AcknowledgedAt == null && m.DueAt <= now)
                .Select(m => new { Message = m, Known = db.Set<HotlineEscalation>().Where(e => e.MessageId == m.Id).Max(e => (int?)e.Level) ?? 0 })
                .ToListAsync(cancellationToken);
            lapsed = [.. rows.Select(r => (r.Message, r.Known))];
        }
        var recorded = new List<HotlineEscalation>();
        foreach (var (message, known) in lapsed)
        {
            var level = EscalationRules.Level(message.DueAt, message.AcknowledgedAt, now, deadlines.Repeat);
            for (var next = known + 1; next <= level; next++)
            {
                var escalation = new HotlineEscalation
                {
                    MessageId = message.Id, Level = next, ThreadId = message.ThreadId, EscalatedTo = EscalationRules.EscalatedTo(next),
                    DueSince = Instant.Normalize(EscalationRules.ReachedAt(message.DueAt, next, deadlines.Repeat)), RecordedAt = now,
                };
                if (await TryRecordAsync(store, message, escalation, cancellationToken))
                {
                    recorded.Add(escalation);
                }
            }
        }
        return recorded;
    }

    /// <summary>Writes one notice, journaled as the system's; false when another node wrote the same (message, level) first.</summary>
    private static async Task<bool> TryRecordAsync(Store store, HotlineMessage message, HotlineEscalation escalation, CancellationToken cancellationToken)
    {
        await using var db = store.Open(Viewer.System);
        if (await db.Set<HotlineEscalation>().AnyAsync(e => e.MessageId == escalation.MessageId && e.Level == escalation.Level, cancellationToken))
        {
            return false;
        }
        db.Add(escalation);
        var thread = await db.Set<HotlineThread>().AsNoTracking().FirstAsync(t => t.Id == message.ThreadId, cancellationToken);
        await Outbox.EnqueueAsync(db, WebhookEvents.HotlineEscalated, thread, message, escalation, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The other node's insert of the same key committed between our check and our write: its record stands.
            return false;
        }
    }
}
