using Truce.Hotline;

namespace Truce.Web;

/// <summary>A hotline message with its receipts and its escalation level now (0: not lapsed, or acknowledged in time).</summary>
internal sealed record HotlineMessageJson(
    Guid Id,
    string Kind,
    string FromParty,
    string ToParty,
    string Body,
    DateTimeOffset SentAt,
    string SentBy,
    DateTimeOffset DueAt,
    DateTimeOffset? ReadAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    int EscalationLevel)
{
    public static HotlineMessageJson From(MessageView view) => From(view.Message, view.Level);

    public static HotlineMessageJson From(HotlineMessage m, int level) => new(
        m.Id, Slug.Of(m.Kind), m.FromPartyId, m.ToPartyId, m.Body, m.SentAt, m.SentBy, m.DueAt, m.ReadAt, m.AcknowledgedAt, m.AcknowledgedBy, level);
}
