namespace Truce.Mission;

/// <summary>A change to the mission's identity or boundaries; a field left null is kept as it is.</summary>
public sealed record MissionChange(string? Name = null, bool? Exercise = null, string? BoundariesGeoJson = null);
