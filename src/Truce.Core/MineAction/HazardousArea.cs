using Truce.Access;

namespace Truce.MineAction;

/// <summary>Where a hazardous area stands in land release (IMAS 08.10): suspected or confirmed until released.</summary>
public enum HazardStatus
{
    Suspected,
    Confirmed,
    /// <summary>Released by non-technical survey: no evidence of contamination.</summary>
    Cancelled,
    /// <summary>Partly released by technical survey; what remains is still hazardous.</summary>
    Reduced,
    Cleared,
}

/// <summary>
/// A suspected or confirmed hazardous area (mines, unexploded ordnance) as a polygon. The handover gates check
/// it; the humanitarian registers extend it (land-release events, devices, clearance tasks).
/// </summary>
[ReadBy(ReadRule.Everyone)]
public sealed class HazardousArea
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public HazardStatus Status { get; set; }

    /// <summary>The polygon as an RFC 7946 geometry object, longitude first, ring closed.</summary>
    public string GeometryJson { get; set; } = "";

    /// <summary>The gazetteer place the area lies in or nearest to, when known; return readiness also checks by distance.</summary>
    public string? PlaceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string SubmissionHash { get; set; } = "";

    /// <summary>Released land no longer blocks a handover: cleared, or cancelled as never contaminated.</summary>
    public bool IsReleased => Status is HazardStatus.Cleared or HazardStatus.Cancelled;
}
