using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;
using Truce.Webhooks;

namespace Truce.Hotline;

/// <summary>The hotline's commands and reads: threads between two parties through the mission, their messages and receipts.</summary>
public static class Threads
{
    /// <summary>Longest message text, in characters.</summary>
    public const int MaxBody = 4000;

    /// <summary>A liaison opens a thread with another party with its first message (a notice, an inquiry or a protest).</summary>
    public static async Task<Result<Submitted<HotlineThread>>> StartAsync(
        TruceDb db, Viewer viewer, HotlineDeadlines deadlines, ThreadInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteHotline) || viewer.PartyId is null)
        {
            return Failure.Forbidden($"Only a party's liaison may write on the hotline.");
        }
        var errors = new FieldErrors();
        RequireId(input.Id, errors);
        var parties = await db.Parties.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken);
        var to = input.To?.Trim();
        if (string.IsNullOrEmpty(to))
        {
            errors.Add("to", $"is required: the party the thread is with.");
        }
        else if (!parties.Contains(to, StringComparer.Ordinal))
        {
            errors.Add("to", $"there is no party '{Submission.Clip(to)}'.");
        }
        else if (to == viewer.PartyId)
        {
            errors.Add("to", $"must be another party than your own.");
        }
        var subject = Submission.Text(input.Subject, "subject", 200, errors);
        if (subject is null && !errors.Has("subject"))
        {
            errors.Add("subject", $"is required.");
        }
        var kind = Submission.Choice<MessageKind>(input.Kind, "kind", errors, MessageKind.Notice);
        if (kind == MessageKind.Reply)
        {
            errors.Add("kind", $"a thread opens with a notice, an inquiry or a protest.");
        }
        var body = Body(input.Body, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var hash = Submission.Hash(input);
        var existing = await db.Set<HotlineThread>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return existing.SubmissionHash == hash && existing.StartedBy == viewer.Name
                ? new Submitted<HotlineThread>(existing, true)
                : Submission.IdReused("thread");
        }
        var now = Instant.Now(db.Clock);
        var thread = new HotlineThread
        {
            Id = input.Id!.Value, Subject = subject!, PartyId = viewer.PartyId, OtherPartyId = to!, StartedAt = now,
            StartedBy = viewer.Name, SubmissionHash = hash,
        };
        var first = NewMessage(thread, viewer, deadlines, Guid.CreateVersion7(now), kind!.Value, body!, now, hash);
        thread.Messages.Add(first);
        db.Add(thread);
        await Outbox.EnqueueAsync(db, WebhookEvents.HotlineMessage, thread, first, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<HotlineThread>(thread, false);
    }

    /// <summary>A liaison of one of the thread's parties writes to the other.</summary>
    public static async Task<Result<Submitted<HotlineMessage>>> SendAsync(
        TruceDb db, Viewer viewer, HotlineDeadlines deadlines, Guid threadId, MessageInput input, CancellationToken cancellationToken = default)
    {
        var thread = await db.Set<HotlineThread>().AsNoTracking().VisibleTo(viewer).FirstOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return Failure.NotFound("The thread");
        }
        if (!viewer.Can(Operation.WriteHotline) || viewer.PartyId is null)
        {
            return Failure.Forbidden($"Only a party's liaison may write on the hotline.");
        }
        var errors = new FieldErrors();
        RequireId(input.Id, errors);
        var kind = Submission.Choice<MessageKind>(input.Kind, "kind", errors, MessageKind.Reply);
        var body = Body(input.Body, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var hash = Submission.Hash(input);
        var existing = await db.Set<HotlineMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return existing.SubmissionHash == hash && existing.ThreadId == threadId && existing.SentBy == viewer.Name
                ? new Submitted<HotlineMessage>(existing, true)
                : Submission.IdReused("message");
        }
        var message = NewMessage(thread, viewer, deadlines, input.Id!.Value, kind!.Value, body!, Instant.Now(db.Clock), hash);
        db.Add(message);
        await Outbox.EnqueueAsync(db, WebhookEvents.HotlineMessage, thread, message, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<HotlineMessage>(message, false);
    }

    /// <summary>
    /// The addressed party acknowledges a message; acknowledging it again answers the first acknowledgement. The sender's
    /// own party, and the mission, cannot acknowledge on the addressee's behalf.
    /// </summary>
    public static async Task<Result<HotlineMessage>> AcknowledgeAsync(
        TruceDb db, Viewer viewer, Guid threadId, AcknowledgementInput input, CancellationToken cancellationToken = default)
    {
        var thread = await db.Set<HotlineThread>().AsNoTracking().VisibleTo(viewer).FirstOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return Failure.NotFound("The thread");
        }
        if (!viewer.Can(Operation.WriteHotline) || viewer.PartyId is null)
        {
            return Failure.Forbidden($"Only a party's liaison may write on the hotline.");
        }
        if (input.MessageId is not { } messageId || messageId == Guid.Empty)
        {
            return Failure.Field(FailureKind.Invalid, "messageId", $"is required: the message to acknowledge.");
        }
        var message = await db.Set<HotlineMessage>().FirstOrDefaultAsync(m => m.Id == messageId && m.ThreadId == threadId, cancellationToken);
        if (message is null)
        {
            return Failure.Field(FailureKind.Invalid, "messageId", $"message {messageId} is not in this thread.");
        }
        if (message.ToPartyId != viewer.PartyId)
        {
            return Failure.Field(FailureKind.Forbidden, "messageId", $"only the party a message is addressed to may acknowledge it.");
        }
        if (message.AcknowledgedAt is not null)
        {
            return message;
        }
        var now = Instant.Now(db.Clock);
        message.AcknowledgedAt = now;
        message.AcknowledgedBy = viewer.Name;
        // Acknowledging answers for having read it.
        message.ReadAt ??= now;
        await Outbox.EnqueueAsync(db, WebhookEvents.HotlineAcknowledged, thread, message, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    /// <summary>The threads this viewer may read, most recently active first, each with its messages' escalation now.</summary>
    public static async Task<IReadOnlyList<ThreadView>> ListAsync(
        TruceDb db, Viewer viewer, HotlineDeadlines deadlines, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.ReadHotline))
        {
            return [];
        }
        var threads = await db.Set<HotlineThread>().AsNoTracking().VisibleTo(viewer).Include(t => t.Messages).ToListAsync(cancellationToken);
        var now = Instant.Now(db.Clock);
        return [.. threads.Select(t => View(t, now, deadlines)).OrderByDescending(v => v.Messages.Max(m => m.Message.SentAt))];
    }

    /// <summary>
    /// One thread as this viewer may read it, or null. A liaison of the addressed party opening it leaves a read receipt
    /// on each message to its party (a read-only token reads without leaving one).
    /// </summary>
    public static async Task<ThreadView?> OpenAsync(
        TruceDb db, Viewer viewer, HotlineDeadlines deadlines, Guid id, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.ReadHotline))
        {
            return null;
        }
        var thread = await db.Set<HotlineThread>().VisibleTo(viewer).Include(t => t.Messages).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (thread is null)
        {
            return null;
        }
        var now = Instant.Now(db.Clock);
        if (viewer.Role is Role.Liaison && !viewer.ReadOnly)
        {
            var unread = thread.Messages.Where(m => m.ToPartyId == viewer.PartyId && m.ReadAt is null).ToList();
            unread.ForEach(m => m.ReadAt = now);
            if (unread.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return View(thread, now, deadlines);
    }

    /// <summary>
    /// What awaits this viewer: for a liaison, the unacknowledged messages addressed to its party; for the mission's
    /// staff, the unacknowledged messages whose deadline has lapsed. Most urgent first.
    /// </summary>
    public static async Task<IReadOnlyList<(HotlineThread Thread, MessageView Message)>> AwaitingAsync(
        TruceDb db, Viewer viewer, HotlineDeadlines deadlines, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.ReadHotline))
        {
            return [];
        }
        var now = Instant.Now(db.Clock);
        var threads = db.Set<HotlineThread>().AsNoTracking().VisibleTo(viewer);
        var open = db.Set<HotlineMessage>().AsNoTracking()
            .Where(m => m.AcknowledgedAt == null && threads.Any(t => t.Id == m.ThreadId));
        open = viewer.Role is Role.Liaison ? open.Where(m => m.ToPartyId == viewer.PartyId) : open.Where(m => m.DueAt <= now);
        var messages = await open.OrderBy(m => m.DueAt).Take(100).ToListAsync(cancellationToken);
        var ids = messages.Select(m => m.ThreadId).Distinct().ToList();
        var byId = await threads.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        return [.. messages.Select(m => (byId[m.ThreadId], new MessageView(m, EscalationRules.Level(m.DueAt, m.AcknowledgedAt, now, deadlines.Repeat))))];
    }

    /// <summary>The escalation notices recorded for a thread, oldest first (the mission's and the two parties' shared record).</summary>
    public static async Task<IReadOnlyList<HotlineEscalation>> EscalationsAsync(TruceDb db, Guid threadId, CancellationToken cancellationToken = default) =>
        await db.Set<HotlineEscalation>().AsNoTracking().Where(e => e.ThreadId == threadId)
            .OrderBy(e => e.MessageId).ThenBy(e => e.Level).ToListAsync(cancellationToken);

    public static ThreadView View(HotlineThread thread, DateTimeOffset now, HotlineDeadlines deadlines) => new(thread,
        [.. thread.Messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new MessageView(m, EscalationRules.Level(m.DueAt, m.AcknowledgedAt, now, deadlines.Repeat)))]);

    private static HotlineMessage NewMessage(
        HotlineThread thread, Viewer viewer, HotlineDeadlines deadlines, Guid id, MessageKind kind, string body, DateTimeOffset now, string hash) => new()
        {
            Id = id, ThreadId = thread.Id, Kind = kind, FromPartyId = viewer.PartyId!, ToPartyId = thread.Counterpart(viewer.PartyId!),
            Body = body, SentAt = now, SentBy = viewer.Name, DueAt = Instant.Normalize(now + deadlines.For(kind)), SubmissionHash = hash,
        };

    private static void RequireId(Guid? id, FieldErrors errors)
    {
        if (id is null || id == Guid.Empty)
        {
            errors.Add("id", $"is required: a UUID generated by the client, so that a retry is recognised.");
        }
    }

    private static string? Body(string? text, FieldErrors errors)
    {
        var body = Submission.Text(text, "body", MaxBody, errors);
        if (body is null && !errors.Has("body"))
        {
            errors.Add("body", $"is required.");
        }
        return body;
    }
}
