using Truce.Access;

namespace Truce.MineAction;

/// <summary>A clearance or survey task on a hazardous area: the organisation doing it and the dates.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class ClearanceTask
{
    public Guid Id { get; set; }

    public Guid HazardousAreaId { get; set; }

    public string Organisation { get; set; } = "";

    public DateOnly Starts { get; set; }

    /// <summary>Null while the task is open.</summary>
    public DateOnly? Ends { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
