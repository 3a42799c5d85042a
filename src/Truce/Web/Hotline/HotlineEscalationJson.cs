using Truce.Hotline;

namespace Truce.Web;

/// <summary>An escalation notice as recorded: which message, which level, to whom, since when.</summary>
internal sealed record HotlineEscalationJson(Guid MessageId, int Level, string EscalatedTo, DateTimeOffset DueSince, DateTimeOffset RecordedAt)
{
    public static HotlineEscalationJson From(HotlineEscalation e) => new(e.MessageId, e.Level, Slug.Of(e.EscalatedTo), e.DueSince, e.RecordedAt);
}
