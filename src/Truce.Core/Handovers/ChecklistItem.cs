using Truce.Access;

namespace Truce.Handovers;

/// <summary>A manual readiness item of a handover ("radio handover drill held"); it counts as done only with evidence.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class ChecklistItem
{
    public Guid Id { get; set; }

    public Guid HandoverId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>A link or a note that shows the item done; null while it is open.</summary>
    public string? Evidence { get; set; }

    public string? DoneBy { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}
