using Truce.Hotline;

namespace Truce.Web;

/// <summary>A thread: its two parties, its subject, and (for one thread) its messages and escalations; a list leaves those out.</summary>
internal sealed record HotlineThreadJson(
    Guid Id,
    string Subject,
    string Party,
    string OtherParty,
    DateTimeOffset StartedAt,
    string StartedBy,
    int MessageCount,
    int Unacknowledged,
    int Escalation,
    IReadOnlyList<HotlineMessageJson>? Messages,
    IReadOnlyList<HotlineEscalationJson>? Escalations)
{
    public static HotlineThreadJson From(ThreadView view, IReadOnlyList<HotlineEscalation>? escalations = null)
    {
        var t = view.Thread;
        return new(t.Id, t.Subject, t.PartyId, t.OtherPartyId, t.StartedAt, t.StartedBy, view.Messages.Count,
            view.Messages.Count(m => m.Message.AcknowledgedAt is null), view.OpenEscalation,
            escalations is null ? null : [.. view.Messages.Select(HotlineMessageJson.From)],
            escalations is null ? null : [.. escalations.Select(HotlineEscalationJson.From)]);
    }
}
