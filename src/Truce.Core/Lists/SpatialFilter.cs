using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Truce.Access;
using Truce.Geo;
using Truce.Storage;

namespace Truce.Lists;

/// <summary>
/// The spatial part of a list filter (near, bbox, zone) as areas, and the listing that applies them:
/// cell ranges in the query, then the exact test in code on the candidates.
/// </summary>
public static class SpatialFilter
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The areas a filter names, every one of which a row must lie in; a site or zone that does not exist is named.</summary>
    public static async Task<Result<IReadOnlyList<Area>>> AreasAsync(TruceDb db, ListFilter filter, CancellationToken cancellationToken = default)
    {
        var areas = new List<Area>();
        if (filter.Near is { } near && filter.RadiusKm is { } km)
        {
            var (lat, lon) = (near.Latitude, near.Longitude);
            if (near.SiteId is { } siteId)
            {
                var site = await db.Sites.AsNoTracking().Where(s => s.Id == siteId)
                    .Select(s => new { s.Latitude, s.Longitude }).FirstOrDefaultAsync(cancellationToken);
                if (site is null)
                {
                    return Failure.Field(FailureKind.Malformed, "near", $"there is no site '{siteId}'.");
                }
                (lat, lon) = (site.Latitude, site.Longitude);
            }
            areas.Add(Area.Circle(lat!.Value, lon!.Value, km * 1000));
        }
        if (filter.Bbox is { } box)
        {
            areas.Add(Area.Rectangle(box.West, box.South, box.East, box.North));
        }
        if (filter.Zone is { } zoneId)
        {
            var json = await db.Zones.AsNoTracking().Where(z => z.Id == zoneId).Select(z => z.GeometryJson).FirstOrDefaultAsync(cancellationToken);
            if (json is null)
            {
                return Failure.Field(FailureKind.Malformed, "zone", $"there is no zone '{zoneId}'.");
            }
            areas.Add(Area.Polygon(ReadGeometry(json)));
        }
        return areas;
    }

    public static Geometry ReadGeometry(string geoJson) =>
        JsonSerializer.Deserialize<Geometry>(geoJson, GeoJsonOptions) ?? throw new InvalidDataException("A zone has no geometry.");

    /// <summary>
    /// One page of the rows in every area, newest first. The smallest area's cell ranges select the
    /// candidates in the database through <paramref name="candidatesIn"/> (only their id, time and position come
    /// back, from a covering index: the one that leads with the <see cref="NearTime"/> key, else the cell's);
    /// the exact test keeps those in every area; they are ordered in memory (time descending, then id),
    /// because an ORDER BY in SQL lets SQLite's planner walk the whole time index instead of the cell
    /// ranges; then the page's rows are loaded from <paramref name="rows"/> by id.
    /// </summary>
    public static async Task<Page<T>> PageWithinAsync<T>(
        Func<IReadOnlyList<CellRange>, IQueryable<T>> candidatesIn, IQueryable<T> rows, IReadOnlyList<Area> areas, Paging paging,
        System.Linq.Expressions.Expression<Func<T, Located>> located, Viewer viewer, int publicPrecisionM,
        CancellationToken cancellationToken)
        where T : class, IPlacedRecord
    {
        var smallest = areas.MinBy(a => a.Bounds.Sum(b => b.Span))!;
        // The public is tested on the coarsened positions it is shown, which lie up to a cell's diagonal from
        // the stored ones: read candidates from that much further out.
        var seenAs = Located.AsSeenBy(viewer, publicPrecisionM);
        var cover = viewer.SeesPublicForm() && publicPrecisionM > 0 ? smallest.Widened(publicPrecisionM) : smallest;
        var candidates = await candidatesIn(CellCover.Ranges(cover)).Select(located).ToListAsync(cancellationToken);
        var inside = candidates.Select(seenAs).Where(c => areas.All(a => a.Contains(c.Latitude, c.Longitude)))
            .OrderByDescending(c => c.At).ThenBy(c => c.Id).Select(c => c.Id).ToList();
        var ids = inside.Skip(paging.Skip).Take(paging.Size).ToList();
        var loaded = ids.Count == 0 ? [] : await rows.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return new Page<T>([.. loaded.OrderBy(r => position[r.Id])], paging.Number, paging.Size, inside.Count);
    }
}
