using Truce.Access;

namespace Truce.Handovers;

/// <summary>One move of a handover's state machine, kept as its history; an override names the gates it passed over.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class HandoverTransition
{
    public Guid Id { get; set; }

    public Guid HandoverId { get; set; }

    public HandoverState From { get; set; }

    public HandoverState To { get; set; }

    public string? Reason { get; set; }

    /// <summary>The gates that failed when the move was made anyway (space-separated slugs); empty when none did.</summary>
    public string OverriddenGates { get; set; } = "";

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
