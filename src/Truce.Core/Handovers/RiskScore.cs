using Truce.Monitoring;

namespace Truce.Handovers;

/// <summary>
/// A site's risk from recent verified incidents around it (docs/handover.md): each incident within
/// <see cref="RadiusM"/> that ended in the last <see cref="Days"/> days adds
/// <c>weight(category) × (1 − distance / 5 km) × 0.5^(age in days / 14)</c>, where weight is 3 for explosions,
/// projectiles, heavy-machine-gun fire and civilian harm, 2 for small-arms fire, weapons in violation and mines, 1 for
/// the rest. Near and recent counts most; an incident at the edge or a month old adds little.
/// </summary>
public static class RiskScore
{
    public const double RadiusM = 5_000;

    public const int Days = 30;

    private const double HalfLifeDays = 14;

    /// <summary>An incident's part of a site's score.</summary>
    public sealed record Contribution(GateRules.SeenIncident Incident, Category Category, double DistanceM, double Points);

    public static int Weight(Category category) => category switch
    {
        Category.Explosion or Category.ProjectileInFlight or Category.HeavyMachineGunFire or Category.CivilianHarm => 3,
        Category.SmallArmsFire or Category.WeaponInViolation or Category.MineUxo => 2,
        _ => 1,
    };

    /// <summary>The contributions of the incidents given (verified ones, as seen by the viewer), largest first; the score is their sum.</summary>
    public static IReadOnlyList<Contribution> Of(double latitude, double longitude, DateTimeOffset now,
        IEnumerable<(GateRules.SeenIncident Incident, Category Category)> incidents) =>
    [
        .. incidents
            .Where(x => x.Incident.Status == Verification.IncidentStatus.Verified && x.Incident.EndsAt <= now && x.Incident.EndsAt >= now.AddDays(-Days))
            .Select(x => (x.Incident, x.Category, DistanceM: Geo.GeoMath.DistanceM(latitude, longitude, x.Incident.Latitude, x.Incident.Longitude)))
            .Where(x => x.DistanceM <= RadiusM)
            .Select(x => new Contribution(x.Incident, x.Category, x.DistanceM,
                Weight(x.Category) * (1 - (x.DistanceM / RadiusM)) * Math.Pow(0.5, (now - x.Incident.EndsAt).TotalDays / HalfLifeDays)))
            .OrderByDescending(c => c.Points).ThenBy(c => c.Incident.Id),
    ];
}
