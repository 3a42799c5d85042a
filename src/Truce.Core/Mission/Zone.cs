using Truce.Access;

namespace Truce.Mission;

public enum ZoneKind
{
    Buffer,
    Corridor,
    Sector,
}

/// <summary>An area of the mission: a buffer along the line of contact, a corridor, a sector.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class Zone
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public ZoneKind Kind { get; set; }

    /// <summary>The polygon as an RFC 7946 geometry object, longitude first.</summary>
    public string GeometryJson { get; set; } = "";
}
