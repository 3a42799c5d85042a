using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Truce.Access;
using Truce.Geo;
using Truce.Lists;
using Truce.MineAction;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Handovers;

/// <summary>
/// The gates of many handovers evaluated live, in a fixed number of queries whatever their count: the zones, sites,
/// hazardous areas, commitments and checklists they name, and one spatial query for the verified incidents near
/// any of them (the cell ranges covering every handover's reach); each handover then tests its own in memory.
/// Incidents are those the viewer may see, at the positions the viewer is shown.
/// </summary>
public static class HandoverGates
{
    /// <summary>A handover with its area and its gates as they stand now.</summary>
    public sealed record Evaluated(Handover Handover, HandoverArea Area, IReadOnlyList<GateResult> Gates)
    {
        public bool AllPassed => Gates.All(g => g.Passed);
    }

    public static async Task<List<Evaluated>> EvaluateAsync(TruceDb db, Viewer viewer, IReadOnlyList<Handover> handovers, CancellationToken cancellationToken = default)
    {
        if (handovers.Count == 0)
        {
            return [];
        }
        var now = Instant.Now(db.Clock);
        var areas = await AreasAsync(db, handovers, cancellationToken);
        var incidents = await IncidentsNearAsync(db, viewer, handovers, areas, now, cancellationToken);
        var hazards = (await db.Set<HazardousArea>().AsNoTracking().ToListAsync(cancellationToken))
            .Select(h => (Area: h, Geometry: SpatialFilter.ReadGeometry(h.GeometryJson))).ToList();
        var commitmentIds = handovers.SelectMany(h => h.Commitments).Distinct().ToList();
        var commitments = commitmentIds.Count == 0 ? new Dictionary<Guid, Commitment>()
            : await db.Set<Commitment>().AsNoTracking().Where(c => commitmentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var ids = handovers.Select(h => h.Id).ToList();
        var checklist = (await db.Set<ChecklistItem>().AsNoTracking().Where(i => ids.Contains(i.HandoverId)).ToListAsync(cancellationToken))
            .ToLookup(i => i.HandoverId);
        return [.. handovers.Select(h => new Evaluated(h, areas[h.Id],
            GateRules.Evaluate(h, areas[h.Id], now, incidents, hazards, commitments, checklist[h.Id])))];
    }

    /// <summary>Each handover's area: its zone's polygon, its sites' points and its route.</summary>
    public static async Task<Dictionary<Guid, HandoverArea>> AreasAsync(TruceDb db, IReadOnlyList<Handover> handovers, CancellationToken cancellationToken)
    {
        var zoneIds = handovers.Select(h => h.ZoneId).OfType<string>().Distinct().ToList();
        var zones = (await db.Zones.AsNoTracking().Where(z => zoneIds.Contains(z.Id)).ToListAsync(cancellationToken))
            .ToDictionary(z => z.Id, z => SpatialFilter.ReadGeometry(z.GeometryJson), StringComparer.Ordinal);
        var siteIds = handovers.SelectMany(h => h.Sites).Distinct().ToList();
        var sites = (await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToListAsync(cancellationToken)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var factory = new GeometryFactory();
        return handovers.ToDictionary(h => h.Id, h =>
        {
            var parts = new List<Geometry>();
            if (h.ZoneId is { } zone && zones.TryGetValue(zone, out var polygon))
            {
                parts.Add(polygon);
            }
            parts.AddRange(h.Sites.Where(sites.ContainsKey).Select(s => (Geometry)factory.CreatePoint(new Coordinate(sites[s].Longitude, sites[s].Latitude))));
            if (h.RouteJson is { } route)
            {
                parts.Add(SpatialFilter.ReadGeometry(route));
            }
            return new HandoverArea(parts);
        });
    }

    /// <summary>
    /// The verified incidents the viewer may see that ended in the longest quiet window of any handover, inside the reach
    /// of any: one query on the cell index, the exact distance left to each gate.
    /// </summary>
    private static async Task<List<GateRules.SeenIncident>> IncidentsNearAsync(
        TruceDb db, Viewer viewer, IReadOnlyList<Handover> handovers, Dictionary<Guid, HandoverArea> areas, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reach = new Reach([.. handovers.Where(h => !areas[h.Id].IsEmpty).Select(h => areas[h.Id].Reach((h.QuietRadiusKm * 1000) + db.PublicPrecisionM))]);
        if (reach.Bounds.Count == 0)
        {
            return [];
        }
        var since = now.AddDays(-handovers.Max(h => h.QuietDays));
        // Read by time, not by cells: the quiet window is days out of the years a store holds, so the verified incidents
        // that ended in it (the status and end-time index) are few, while the cell cover of hundreds of reaches is
        // hundreds of ranges that the engines scan one by one. The reaches' outer box bounds the read; each reach then
        // keeps its own in memory. Measured in bench/Handover (docs/benchmarks.md, "Handover timeline").
        var (south, west, north, east) = (reach.Bounds.Min(b => b.MinLat), reach.Bounds.Min(b => b.MinLon), reach.Bounds.Max(b => b.MaxLat), reach.Bounds.Max(b => b.MaxLon));
        var rows = (await db.Incidents.AsNoTracking().VisibleTo(viewer)
            .Where(i => i.Status == IncidentStatus.Verified && i.EndsAt >= since)
            .Where(i => i.Latitude >= south && i.Latitude <= north && i.Longitude >= west && i.Longitude <= east)
            .Select(i => new { i.Id, i.Title, i.Status, i.EndsAt, i.Latitude, i.Longitude, i.LocationPrecisionM })
            .ToListAsync(cancellationToken))
            .Where(r => reach.Contains(r.Latitude, r.Longitude));
        return [.. rows.Select(r =>
        {
            var (lat, lon, _) = viewer.Location(r.Latitude, r.Longitude, r.LocationPrecisionM, db.PublicPrecisionM);
            return new GateRules.SeenIncident(r.Id, r.Title, r.Status, r.EndsAt, lat, lon);
        })];
    }

    /// <summary>Recent verified incidents around a site, for its risk score (see <see cref="RiskScore"/>).</summary>
    public static async Task<IReadOnlyList<RiskScore.Contribution>> RiskAsync(TruceDb db, Viewer viewer, Site site, CancellationToken cancellationToken = default)
    {
        var now = Instant.Now(db.Clock);
        var since = now.AddDays(-RiskScore.Days);
        var area = Area.Circle(site.Latitude, site.Longitude, RiskScore.RadiusM + db.PublicPrecisionM);
        var rows = await db.Incidents.AsNoTracking().VisibleTo(viewer)
            .Where(i => i.Status == IncidentStatus.Verified && i.EndsAt >= since)
            .InCells(i => i.Cell, CellCover.Ranges(area))
            .Select(i => new { i.Id, i.Title, i.Status, i.EndsAt, i.Latitude, i.Longitude, i.LocationPrecisionM, i.Category })
            .ToListAsync(cancellationToken);
        return RiskScore.Of(site.Latitude, site.Longitude, now, rows.Select(r =>
        {
            var (lat, lon, _) = viewer.Location(r.Latitude, r.Longitude, r.LocationPrecisionM, db.PublicPrecisionM);
            return (new GateRules.SeenIncident(r.Id, r.Title, r.Status, r.EndsAt, lat, lon), r.Category);
        }));
    }

    /// <summary>The union of the handovers' reaches, for one cell cover.</summary>
    private sealed class Reach(IReadOnlyList<Box> boxes) : Area
    {
        public override IReadOnlyList<Box> Bounds { get; } = boxes;

        public override bool Contains(double lat, double lon) => Bounds.Any(b => b.Contains(lat, lon));

        public override bool MayTouch(Box cell) =>
            Bounds.Any(b => cell.MinLat <= b.MaxLat && cell.MaxLat >= b.MinLat && cell.MinLon <= b.MaxLon && cell.MaxLon >= b.MinLon);
    }
}
