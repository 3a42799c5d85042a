using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Geo;
using Truce.MineAction;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Humanitarian;

/// <summary>
/// Return readiness for every place a register speaks of, from what the viewer may see: the verified incidents it
/// may read (at the position it is shown), the hazardous areas (public), the service reports, assets and returns
/// its role reads (see <see cref="IHumanitarianRecord"/>).
/// </summary>
public static class Readiness
{
    public static async Task<List<ReadinessAssessment>> AssessAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var services = await db.Set<ServiceReport>().AsNoTracking().VisibleTo(viewer).ToListAsync(cancellationToken);
        var assets = await db.Set<InfrastructureAsset>().AsNoTracking().VisibleTo(viewer).ToListAsync(cancellationToken);
        var assetIds = assets.Select(a => a.Id).ToList();
        var damage = (await db.Set<DamageAssessment>().AsNoTracking().Where(d => assetIds.Contains(d.AssetId)).ToListAsync(cancellationToken))
            .GroupBy(d => d.AssetId).ToDictionary(g => g.Key, g => g.MaxBy(d => (d.Date, d.RecordedAt))!.Level);
        var figures = await db.Set<DisplacementFigure>().AsNoTracking().VisibleTo(viewer).Where(f => f.PlaceId != null).ToListAsync(cancellationToken);
        var hazards = await db.Set<HazardousArea>().AsNoTracking().ToListAsync(cancellationToken);
        var since = now.AddDays(-ReadinessRules.IncidentDays);
        var incidents = (await db.Incidents.AsNoTracking().VisibleTo(viewer)
                .Where(i => i.Status == IncidentStatus.Verified && i.EndsAt >= since).ToListAsync(cancellationToken))
            .Select(i => viewer.Disclose(i, db.PublicPrecisionM)).ToList();

        var placeIds = services.Select(s => s.PlaceId).Concat(assets.Select(a => a.PlaceId)).Concat(figures.Select(f => f.PlaceId!))
            .Concat(hazards.Where(h => h.PlaceId != null).Select(h => h.PlaceId!)).ToHashSet(StringComparer.Ordinal);
        var places = await db.Set<Gazetteer.Place>().AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var result = new List<ReadinessAssessment>();
        foreach (var place in places)
        {
            var facts = new ReadinessFacts(place.Id, place.Name, place.Latitude, place.Longitude,
                [.. incidents.Select(i => new ReadinessFacts.Incident(i.Id, i.Title, i.EndsAt, GeoMath.DistanceM(place.Latitude, place.Longitude, i.Latitude, i.Longitude)))],
                [.. hazards.Select(h => new ReadinessFacts.Hazard(h.Id, h.Name, h.Status, HazardDistance.FromPointM(h.GeometryJson, place.Latitude, place.Longitude)))],
                [.. services.Where(s => s.PlaceId == place.Id).Select(s => new ReadinessFacts.Service(s.Service, s.Level, s.Date))],
                [.. assets.Where(a => a.PlaceId == place.Id).Select(a => new ReadinessFacts.Asset(a.Id, a.Name, a.Kind, damage.GetValueOrDefault(a.Id, DamageLevel.None)))],
                figures.Where(f => f.PlaceId == place.Id).Sum(f => f.Returns ?? 0));
            result.Add(ReadinessRules.Assess(facts, now));
        }
        return [.. result.OrderBy(a => a.Score).ThenBy(a => a.PlaceName, StringComparer.Ordinal)];
    }
}
