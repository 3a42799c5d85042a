using Truce.Access;

namespace Truce.Hotline;

/// <summary>
/// One message of a thread, from one party to the other. Its text is never edited; only its receipts are added:
/// when the other side first read it and when (and by whom) it acknowledged it.
/// </summary>
[ReadBy(ReadRule.Restricted)]
public sealed class HotlineMessage
{
    public Guid Id { get; set; }

    public Guid ThreadId { get; set; }

    public MessageKind Kind { get; set; }

    public string FromPartyId { get; set; } = "";

    public string ToPartyId { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    public string SentBy { get; set; } = "";

    /// <summary>When the other party must acknowledge it by: sent time plus its kind's deadline, fixed when sent.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The read receipt of the addressed party: the first time one of its liaisons opened the thread after it arrived.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public string SubmissionHash { get; set; } = "";
}
