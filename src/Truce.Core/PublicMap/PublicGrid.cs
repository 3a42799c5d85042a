using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;
using Truce.Verification;

namespace Truce.PublicMap;

/// <summary>The public map's query: the verified incidents the public may see, at the positions the public is shown, counted per cell.</summary>
public static class PublicGrid
{
    /// <summary>Coarsest and finest cell edges accepted, in kilometres.</summary>
    public const double MinEdgeKm = 1, MaxEdgeKm = 200;

    public static async Task<Result<GridCounts>> CountAsync(TruceDb db, double edgeKm, int minCount, CancellationToken cancellationToken = default)
    {
        if (double.IsNaN(edgeKm) || edgeKm < MinEdgeKm || edgeKm > MaxEdgeKm)
        {
            return Failure.Field(FailureKind.Invalid, "km", $"must be a number of kilometres from {MinEdgeKm} to {MaxEdgeKm}.");
        }
        var viewer = Viewer.Anonymous;
        var rows = await db.Incidents.AsNoTracking().VisibleTo(viewer)
            .Where(i => i.Status == IncidentStatus.Verified)
            .Select(i => new { i.Latitude, i.Longitude, i.LocationPrecisionM })
            .ToListAsync(cancellationToken);
        // Each position as the public is shown it (AccessPolicy coarsens it), never as stored.
        var shown = rows.Select(r => viewer.Location(r.Latitude, r.Longitude, r.LocationPrecisionM, db.PublicPrecisionM));
        return IncidentGrid.Aggregate(shown, edgeKm, minCount);
    }
}
