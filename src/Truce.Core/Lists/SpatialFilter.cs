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
    /// How many matches a list with a closed window counts exactly: past it, once the newest weeks hold the page, the
    /// total is a lower bound (<see cref="Page{T}.TotalIsLowerBound"/>, "more than 1 000", as the gazetteer's search says),
    /// so that a circle over a busy month costs what its page costs, not what the whole month does.
    /// </summary>
    public const int CountedUpTo = 1_000;

    /// <summary>
    /// One page of the rows in every area, newest first. The smallest area's cell ranges select the candidates in the
    /// database through <paramref name="candidatesIn"/> (only their id, time and position come back, from a covering
    /// index: the one that leads with the <see cref="NearTime"/> key, else the cell's); the exact test keeps those in
    /// every area; they are ordered in memory (time descending, then id), because an ORDER BY in SQL lets SQLite's
    /// planner walk the whole time index instead of the cell ranges; then the page's rows are loaded from
    /// <paramref name="rows"/> by id. With a closed <paramref name="window"/>'s keys the weeks are read newest first
    /// (<see cref="NearTime.NextBatch"/> says how many at a time) and the reading stops once the weeks read hold the page and more than
    /// <see cref="CountedUpTo"/> (or the page's end, if further) matches; without keys every candidate is read and the
    /// total is exact.
    /// </summary>
    public static async Task<Page<T>> PageWithinAsync<T>(
        Func<IReadOnlyList<int>?, IReadOnlyList<CellRange>, IQueryable<T>> candidatesIn, (IReadOnlyList<int> Keys, DateTimeOffset To)? window, IQueryable<T> rows,
        IReadOnlyList<Area> areas, Paging paging, System.Linq.Expressions.Expression<Func<T, Located>> located, Viewer viewer,
        int publicPrecisionM, CancellationToken cancellationToken)
        where T : class, IPlacedRecord
    {
        var smallest = areas.MinBy(a => a.Bounds.Sum(b => b.Span))!;
        // The public is tested on the coarsened positions it is shown, which lie up to a cell's diagonal from
        // the stored ones: read candidates from that much further out.
        var seenAs = Located.AsSeenBy(viewer, publicPrecisionM);
        var cover = viewer.SeesPublicForm() && publicPrecisionM > 0 ? smallest.Widened(publicPrecisionM) : smallest;
        var ranges = CellCover.Ranges(cover);
        var inside = new List<Located>();
        async Task ReadAsync(IReadOnlyList<int>? batch) => inside.AddRange(
            (await candidatesIn(batch, ranges).Select(located).ToListAsync(cancellationToken))
                .Select(seenAs).Where(c => areas.All(a => a.Contains(c.Latitude, c.Longitude))));

        var enough = Math.Max(CountedUpTo, paging.Skip + paging.Size);
        var more = false;
        if (window is not { } closed)
        {
            await ReadAsync(null);
        }
        else
        {
            var weeks = NearTime.WeeksNewestFirst(closed.Keys);
            List<int> batch = [NearTime.Unbounded, .. weeks.Take(NearTime.NextBatch(0, TimeSpan.Zero, weeks.Count, 0, 0))];
            var read = 0;
            while (true)
            {
                await ReadAsync(batch);
                read += batch.Count(k => k != NearTime.Unbounded);
                if (read == weeks.Count)
                {
                    break;
                }
                var settledFrom = NearTime.StartOf(weeks[read - 1]);
                var settled = inside.Count(c => c.At >= settledFrom);
                var wanted = Math.Max(enough + 1 - inside.Count, paging.Skip + paging.Size - settled);
                if (wanted <= 0)
                {
                    more = true;
                    break;
                }
                var spanRead = Min(closed.To, NearTime.StartOf(weeks[0]) + NearTime.Width) - settledFrom;
                batch = [.. weeks.Skip(read).Take(NearTime.NextBatch(read, spanRead, weeks.Count - read, settled, wanted))];
            }
        }
        var ids = inside.OrderByDescending(c => c.At).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).Select(c => c.Id).ToList();
        var loaded = ids.Count == 0 ? [] : await rows.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return new Page<T>([.. loaded.OrderBy(r => position[r.Id])], paging.Number, paging.Size, more ? enough : inside.Count)
        {
            TotalIsLowerBound = more,
        };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
