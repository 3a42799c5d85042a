using Truce.Access;

namespace Truce.MineAction;

/// <summary>Devices found in a hazardous area on one date, by type ("anti-personnel mine", "cluster submunition").</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class DeviceFind
{
    public Guid Id { get; set; }

    public Guid HazardousAreaId { get; set; }

    public string DeviceType { get; set; } = "";

    public int Count { get; set; }

    public DateOnly Date { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
