using Truce.Access;

namespace Truce.MineAction;

/// <summary>One release of land from a hazardous area: how much, by which method, when. Never changed after.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class LandReleaseEvent
{
    public Guid Id { get; set; }

    public Guid HazardousAreaId { get; set; }

    public ReleaseMethod Method { get; set; }

    /// <summary>Square metres released by this event.</summary>
    public double AreaM2 { get; set; }

    public DateOnly Date { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
