namespace Truce.Lists;

/// <summary>A point, or a site that stands for its point.</summary>
public sealed record Place(double? Latitude, double? Longitude, string? SiteId);
