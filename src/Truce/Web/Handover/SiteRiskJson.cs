namespace Truce.Web;

/// <summary>A site's risk score (docs/handover.md) and the incidents that make it, largest part first.</summary>
public sealed record SiteRiskJson(string Site, string Name, double Score, IReadOnlyList<RiskPartJson> Incidents);
