using Microsoft.EntityFrameworkCore;
using Truce.Geo;
using Truce.Lists;
using Truce.Storage;

namespace Truce.Gazetteer;

/// <summary>
/// Reading the gazetteer: search by any name, one place with all its names, the place nearest a point. Places are
/// public reference data (<see cref="Access.ReadRule.Everyone"/>), so no viewer is needed.
/// </summary>
public static class Places
{
    /// <summary>How far, in metres, a place may be from a point and still be the place it is near.</summary>
    public const double NearWithinM = 25_000;

    /// <summary>
    /// The places one of whose names starts with <paramref name="query"/>, compared by <see cref="NameKey"/>: a range
    /// of the (key, place) index, grouped by place, in the order of each place's best matching key (so an exact match
    /// comes before a longer name), then by id, counted exactly up to <see cref="CountedUpTo"/> places. Without a
    /// query, every place in id order; a query with no letter or digit is refused.
    /// </summary>
    public static Task<Result<Page<PlaceHit>>> SearchAsync(TruceDb db, string? query, Paging paging, CancellationToken cancellationToken = default) =>
        SearchAsync(db, query, paging, CountedUpTo, cancellationToken);

    /// <summary>
    /// How many matching places a search counts exactly: past it the page's total is a lower bound
    /// (<see cref="Page{T}.TotalIsLowerBound"/>, "more than 1 000"), so that a prefix of one or two letters costs what
    /// the page costs, not what the whole gazetteer does.
    /// </summary>
    public const int CountedUpTo = SpatialFilter.CountedUpTo;

    /// <summary><see cref="SearchAsync(TruceDb, string?, Paging, CancellationToken)"/> with its own bound on the exact count.</summary>
    internal static async Task<Result<Page<PlaceHit>>> SearchAsync(TruceDb db, string? query, Paging paging, int countUpTo, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            // No query: the whole gazetteer, in id order, a page at a time.
            var all = db.Set<Place>().AsNoTracking();
            var count = await all.CountAsync(cancellationToken);
            var page = await all.OrderBy(p => p.Id).Skip(paging.Skip).Take(paging.Size).Select(p => p.Id).ToListAsync(cancellationToken);
            var listed = await HitsAsync(db, page, cancellationToken);
            return new Page<PlaceHit>([.. page.Select(id => listed[id])], paging.Number, paging.Size, count);
        }
        var key = NameKey.Of(query);
        if (key.Length == 0)
        {
            var errors = new FieldErrors();
            errors.Add("q", $"must contain a letter or a digit.");
            return errors.ToFailure($"The list parameters are invalid.") with { Kind = FailureKind.Malformed };
        }
        // One connection for the search's statements, rather than one taken from the pool and given back for each (and,
        // on PostgreSQL, reset with DISCARD ALL before its next use).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (ids, total, more) = await RangeAsync(db, key, paging, countUpTo, cancellationToken);
            var hits = await HitsAsync(db, ids, cancellationToken);
            return new Page<PlaceHit>([.. ids.Select(id => hits[id])], paging.Number, paging.Size, total) { TotalIsLowerBound = more };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// One pass over the (key, place_id) index range of <paramref name="key"/>'s prefix, in the index's own order and
    /// from the index alone: a place first appears at its least matching key, so the order of first appearances is the
    /// order by (least key, id) the page wants, and their number is the total. Grouping in SQL instead (a count of the
    /// groups, then the groups sorted by their least key) read the range twice and sorted it. The pass stops once it has
    /// the page and more than <paramref name="countUpTo"/> places: a short prefix of a national gazetteer matches tens
    /// of thousands of names, and counting them all was the slowest 1 % (docs/benchmarks.md, "Gazetteer at 10^6"). It
    /// reads in chunks that continue after the last (key, place) read, so that stopping early reads no further rows on
    /// either engine (Npgsql would drain an abandoned result to its end), and each chunk's pairs are distinct: a place's
    /// Latin, Cyrillic and Azerbaijani names often fold to one key, and each would otherwise be a row.
    /// </summary>
    private static async Task<(List<string> Ids, int Total, bool More)> RangeAsync(
        TruceDb db, string key, Paging paging, int countUpTo, CancellationToken cancellationToken)
    {
        var after = NameKey.After(key);
        var enough = Math.Max(countUpTo, paging.Skip + paging.Size);
        // The first chunk holds two (key, place) pairs for each place wanted, so that one statement is usually enough;
        // chunks double, up to 4 096 pairs.
        const int MaxChunk = 4_096;
        var chunkSize = Math.Min(2 * (enough + 1), MaxChunk);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>(paging.Size);
        var (lastKey, lastPlace) = (key, "");
        while (true)
        {
            var (fromKey, fromPlace) = (lastKey, lastPlace);
            // Raw SQL: EF puts a DISTINCT under a subquery, which SQLite then sorts whole; flat, both engines read the
            // index in order and drop a place's equal keys (its Latin, Cyrillic and Azerbaijani names often fold alike).
            var sql = "SELECT DISTINCT key, place_id FROM place_name WHERE key >= {0} AND (key <> {0} OR place_id > {1})"
                + (after is null ? "" : " AND key < {3}") + " ORDER BY key, place_id LIMIT {2}";
            object[] arguments = after is null ? [fromKey, fromPlace, chunkSize] : [fromKey, fromPlace, chunkSize, after];
            var chunk = await db.Database.SqlQueryRaw<KeyAndPlace>(sql, arguments).ToListAsync(cancellationToken);
            foreach (var name in chunk)
            {
                if (!seen.Add(name.PlaceId))
                {
                    continue;
                }
                if (seen.Count > enough)
                {
                    return (ids, enough, true);
                }
                if (seen.Count > paging.Skip && ids.Count < paging.Size)
                {
                    ids.Add(name.PlaceId);
                }
            }
            if (chunk.Count < chunkSize)
            {
                return (ids, seen.Count, false);
            }
            (lastKey, lastPlace) = (chunk[^1].Key, chunk[^1].PlaceId);
            chunkSize = Math.Min(MaxChunk, chunkSize * 2);
        }
    }

    /// <summary>A place with all its names; null when there is none with that id.</summary>
    public static async Task<PlaceHit?> FindAsync(TruceDb db, string id, CancellationToken cancellationToken = default)
    {
        var hits = await HitsAsync(db, [id], cancellationToken);
        return hits.GetValueOrDefault(id);
    }

    /// <summary>
    /// The populated place nearest a point within <see cref="NearWithinM"/> (any place when no populated one is), or
    /// null. Candidates come from a latitude band of the (latitude, longitude) index; distances are exact, in code.
    /// </summary>
    public static async Task<NearPlace?> NearestAsync(TruceDb db, double latitude, double longitude, CancellationToken cancellationToken = default)
    {
        // 25 km is about 0.225° of latitude; a degree of longitude shrinks with the cosine of the latitude.
        var dLat = NearWithinM / 111_000;
        var dLon = dLat / Math.Max(0.1, Math.Cos(latitude * Math.PI / 180));
        var candidates = await db.Set<Place>().AsNoTracking()
            .Where(p => p.Latitude >= latitude - dLat && p.Latitude <= latitude + dLat && p.Longitude >= longitude - dLon && p.Longitude <= longitude + dLon)
            .ToListAsync(cancellationToken);
        var nearest = candidates
            .Select(p => (Place: p, DistanceM: GeoMath.DistanceM(latitude, longitude, p.Latitude, p.Longitude)))
            .Where(c => c.DistanceM <= NearWithinM)
            .OrderBy(c => c.Place.Kind == PlaceKind.PopulatedPlace ? 0 : 1).ThenBy(c => c.DistanceM).ThenBy(c => c.Place.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (nearest.Place is null)
        {
            return null;
        }
        var names = await db.Set<PlaceName>().AsNoTracking().Where(n => n.PlaceId == nearest.Place.Id).ToListAsync(cancellationToken);
        return new NearPlace(new PlaceHit(nearest.Place, names), nearest.DistanceM);
    }

    /// <summary>
    /// The populated places inside a box (west, south, east, north), largest first, at most <paramref name="limit"/>,
    /// with their names: the map's layer of localities.
    /// </summary>
    public static async Task<IReadOnlyList<PlaceHit>> InBoxAsync(TruceDb db, (double West, double South, double East, double North) box, int limit,
        CancellationToken cancellationToken = default)
    {
        var ids = await db.Set<Place>().AsNoTracking()
            .Where(p => p.Kind == PlaceKind.PopulatedPlace && p.Latitude >= box.South && p.Latitude <= box.North && p.Longitude >= box.West && p.Longitude <= box.East)
            .OrderByDescending(p => p.Population ?? 0).ThenBy(p => p.Id).Take(limit).Select(p => p.Id).ToListAsync(cancellationToken);
        var hits = await HitsAsync(db, ids, cancellationToken);
        return [.. ids.Select(id => hits[id])];
    }

    /// <summary>
    /// The places of <paramref name="ids"/> with all their names, in one statement (each place joined to its names, a
    /// place without a name kept): one round trip, and the ids as one parameter (<see cref="EF.Parameter{T}"/>), so that
    /// a page of 7 places and one of 50 share one statement instead of compiling one per count.
    /// </summary>
    private static async Task<Dictionary<string, PlaceHit>> HitsAsync(TruceDb db, List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await (
            from p in db.Set<Place>().AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
            from n in db.Set<PlaceName>().AsNoTracking().Where(n => n.PlaceId == p.Id).DefaultIfEmpty()
            select new { Place = p, Name = n }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Place.Id, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new PlaceHit(g.First().Place, [.. g.Where(r => r.Name is not null).Select(r => r.Name!)
                .OrderBy(n => n.Kind).ThenBy(n => n.Language, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal)]),
            StringComparer.Ordinal);
    }

    /// <summary>A name row for a place: its key and script computed here, so every way in stores them alike.</summary>
    public static PlaceName Name(Guid id, string placeId, string name, string language, NameKind kind, string? from = null, string? to = null) => new()
    {
        Id = id,
        PlaceId = placeId,
        Name = name,
        Language = language,
        Script = PlaceName.ScriptOf(name),
        Kind = kind,
        Key = NameKey.Of(name),
        From = from,
        To = to,
    };

    /// <summary>A located place; its cell computed here, as for every located row.</summary>
    public static Place At(string id, string name, PlaceKind kind, double latitude, double longitude, string countryCode) => new()
    {
        Id = id,
        Name = name,
        Kind = kind,
        Latitude = latitude,
        Longitude = longitude,
        Cell = Geohash.Encode(latitude, longitude),
        CountryCode = countryCode,
    };

    private sealed class KeyAndPlace
    {
        public required string Key { get; init; }

        public required string PlaceId { get; init; }
    }
}
