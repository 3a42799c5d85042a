using Truce.Access;

namespace Truce.MineAction;

/// <summary>One step of a hazardous area's history: the status it took, when, by whom and why. Never changed after.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class HazardStatusChange
{
    public Guid Id { get; set; }

    public Guid HazardousAreaId { get; set; }

    /// <summary>Null for the status the area was recorded with.</summary>
    public HazardStatus? From { get; set; }

    public HazardStatus To { get; set; }

    public string Reason { get; set; } = "";

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
