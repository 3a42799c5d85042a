using System.Globalization;

namespace Truce.Humanitarian;

/// <summary>
/// The return-readiness rules (docs/humanitarian.md), pure: the same facts give the same answer and its reasons.
/// </summary>
public static class ReadinessRules
{
    /// <summary>A verified incident that ended within this many days counts.</summary>
    public const int IncidentDays = 30;

    /// <summary>A verified incident this close to the place counts, metres.</summary>
    public const double IncidentRadiusM = 10_000;

    /// <summary>Unreleased land this close to the place's centre blocks return, metres.</summary>
    public const double HazardBlockM = 2_000;

    /// <summary>Unreleased land this close is a concern, metres.</summary>
    public const double HazardConcernM = 10_000;

    /// <summary>Without these a place cannot be lived in: one out is a blocker, partial or unknown a concern.</summary>
    public static readonly IReadOnlySet<ServiceKind> Essential = new HashSet<ServiceKind> { ServiceKind.Water, ServiceKind.Electricity, ServiceKind.Health };

    public static ReadinessAssessment Assess(ReadinessFacts facts, DateTimeOffset now)
    {
        var reasons = new List<ReadinessReason>();
        foreach (var incident in facts.Incidents.OrderBy(i => i.DistanceM))
        {
            var days = (now - incident.EndsAt).TotalDays;
            if (incident.DistanceM <= IncidentRadiusM && days <= IncidentDays)
            {
                reasons.Add(new(ReasonWeight.Blocker, ReasonCode.RecentIncident, incident.Id.ToString(), incident.Title,
                    $"{Km(incident.DistanceM)} km, {Math.Max(0, (int)Math.Floor(days))} d"));
            }
        }
        foreach (var hazard in facts.Hazards.OrderBy(h => h.DistanceM))
        {
            if (hazard.Status is MineAction.HazardStatus.Cleared or MineAction.HazardStatus.Cancelled)
            {
                continue;
            }
            if (hazard.DistanceM <= HazardBlockM)
            {
                reasons.Add(new(ReasonWeight.Blocker, ReasonCode.HazardAtPlace, hazard.Id.ToString(), hazard.Name, $"{Km(hazard.DistanceM)} km, {Slug.Of(hazard.Status)}"));
            }
            else if (hazard.DistanceM <= HazardConcernM)
            {
                reasons.Add(new(ReasonWeight.Concern, ReasonCode.HazardNearby, hazard.Id.ToString(), hazard.Name, $"{Km(hazard.DistanceM)} km, {Slug.Of(hazard.Status)}"));
            }
        }
        var latest = facts.Services.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Date)!);
        foreach (var kind in Enum.GetValues<ServiceKind>())
        {
            var essential = Essential.Contains(kind);
            var slug = Slug.Of(kind);
            if (!latest.TryGetValue(kind, out var service))
            {
                if (essential)
                {
                    reasons.Add(new(ReasonWeight.Concern, ReasonCode.ServiceUnknown, slug, slug, ""));
                }
                continue;
            }
            var date = service.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (service.Level == ServiceLevel.Unavailable)
            {
                reasons.Add(new(essential ? ReasonWeight.Blocker : ReasonWeight.Concern, ReasonCode.ServiceUnavailable, slug, slug, date));
            }
            else if (service.Level == ServiceLevel.Partial)
            {
                reasons.Add(new(essential ? ReasonWeight.Concern : ReasonWeight.Note, ReasonCode.ServicePartial, slug, slug, date));
            }
        }
        foreach (var asset in facts.Assets.Where(a => a.Damage >= DamageLevel.Severe).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            reasons.Add(new(ReasonWeight.Concern, ReasonCode.AssetDamaged, asset.Id.ToString(), asset.Name, Slug.Of(asset.Damage)));
        }
        if (facts.Returns > 0)
        {
            reasons.Add(new(ReasonWeight.Note, ReasonCode.Returns, facts.PlaceId, facts.PlaceName, facts.Returns.ToString(CultureInfo.InvariantCulture)));
        }
        var blockers = reasons.Count(r => r.Weight == ReasonWeight.Blocker);
        var concerns = reasons.Count(r => r.Weight == ReasonWeight.Concern);
        var level = blockers > 0 ? ReadinessLevel.NotReady : concerns > 0 ? ReadinessLevel.Conditional : ReadinessLevel.Ready;
        var score = Math.Max(0, 100 - (40 * blockers) - (10 * concerns));
        return new ReadinessAssessment(facts.PlaceId, facts.PlaceName, facts.Latitude, facts.Longitude, level, score, reasons);
    }

    private static string Km(double metres) => (metres / 1000).ToString("0.0", CultureInfo.InvariantCulture);
}
