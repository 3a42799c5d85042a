using Truce.Access;

namespace Truce.Hotline;

/// <summary>
/// A lapsed acknowledgement deadline brought to the mission's attention, once per (message, level): the key makes a
/// second node or a restart meet the first record instead of writing another. The level itself is derived from the
/// message (<see cref="EscalationRules.Level"/>); this record is the notice that went out.
/// </summary>
[ReadBy(ReadRule.Restricted)]
public sealed class HotlineEscalation
{
    public Guid MessageId { get; set; }

    /// <summary>1 when the deadline lapsed, then one more per repeat interval while unacknowledged.</summary>
    public int Level { get; set; }

    public Guid ThreadId { get; set; }

    /// <summary>Who it is escalated to: analysts first, then the mission's administrators.</summary>
    public Role EscalatedTo { get; set; }

    /// <summary>When this level was reached: the deadline plus (level - 1) repeat intervals.</summary>
    public DateTimeOffset DueSince { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
