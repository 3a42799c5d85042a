using Truce.Access;

namespace Truce.Mission;

public enum SiteKind
{
    Post,
    Checkpoint,
    Base,
    Crossing,
}

/// <summary>A fixed place the mission watches or hands over: a post, a checkpoint, a base.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class Site
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public SiteKind Kind { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string Cell { get; set; } = "";

    public string? ZoneId { get; set; }

    /// <summary>Who holds it now; the handover plan moves this from the peacekeeping force to others.</summary>
    public string? HeldByPartyId { get; set; }
}
