namespace Truce.Humanitarian;

/// <summary>What the rules weigh for one place, already limited to what the viewer may see and measured from the place.</summary>
public sealed record ReadinessFacts(
    string PlaceId,
    string PlaceName,
    double Latitude,
    double Longitude,
    IReadOnlyList<ReadinessFacts.Incident> Incidents,
    IReadOnlyList<ReadinessFacts.Hazard> Hazards,
    IReadOnlyList<ReadinessFacts.Service> Services,
    IReadOnlyList<ReadinessFacts.Asset> Assets,
    long Returns)
{
    /// <summary>A verified incident and when it ended, with its distance from the place in metres.</summary>
    public sealed record Incident(Guid Id, string Title, DateTimeOffset EndsAt, double DistanceM);

    /// <summary>An unreleased hazardous area with its distance from the place in metres (0 when the place is inside).</summary>
    public sealed record Hazard(Guid Id, string Name, MineAction.HazardStatus Status, double DistanceM);

    /// <summary>A service's latest report.</summary>
    public sealed record Service(ServiceKind Kind, ServiceLevel Level, DateOnly Date);

    /// <summary>An asset of the place and its latest damage assessment.</summary>
    public sealed record Asset(Guid Id, string Name, AssetKind Kind, DamageLevel Damage);
}
