using Truce.Access;

namespace Truce.Handovers;

/// <summary>One status a commitment took, by whom and why; the history is kept, never rewritten.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class CommitmentStatusChange
{
    public Guid Id { get; set; }

    public Guid CommitmentId { get; set; }

    public CommitmentStatus From { get; set; }

    public CommitmentStatus To { get; set; }

    public string Reason { get; set; } = "";

    public string? Evidence { get; set; }

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
