namespace Truce.Web;

/// <summary>An incident's part of a site's risk score: its distance from the site in metres and the points it adds.</summary>
public sealed record RiskPartJson(Guid Incident, string Title, string Category, DateTimeOffset EndsAt, double DistanceM, double Points);
