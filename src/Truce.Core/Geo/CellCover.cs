namespace Truce.Geo;

/// <summary>A range of cells, from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive; null: to the end).</summary>
public readonly record struct CellRange(string From, string? To)
{
    public bool Contains(string cell) =>
        string.CompareOrdinal(cell, From) >= 0 && (To is null || string.CompareOrdinal(cell, To) < 0);
}

/// <summary>
/// The geohash cells that cover a query area, as a few ranges of the cell key that both engines answer
/// from their index (<c>cell &gt;= from AND cell &lt; to</c>). The cover may hold points outside the area;
/// it never misses one inside, so an exact check in code on what it returns decides.
/// </summary>
public static class CellCover
{
    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    /// <summary>
    /// At most this many cells per box: enough to hug a circle with cells a tenth of its diameter (which
    /// merge into far fewer ranges), few enough for one index seek each.
    /// </summary>
    public const int MaxCells = 128;

    /// <summary>
    /// At most this many ranges, unless even the coarsest cover has more: with more OR terms SQLite's planner
    /// leaves the cell index for a scan (measured by bench/Queries: 17 to 22 ranges took 30 to 260 ms).
    /// </summary>
    public const int MaxRanges = 16;

    public static IReadOnlyList<CellRange> Ranges(Area area, int maxCells = MaxCells)
    {
        while (true)
        {
            var cells = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var box in area.Bounds)
            {
                cells.UnionWith(Cells(box, maxCells, area));
            }
            var ranges = Merge(cells);
            if (ranges.Count <= MaxRanges || maxCells <= MaxRanges)
            {
                return ranges;
            }
            maxCells /= 2;
        }
    }

    /// <summary>
    /// The cells of the finest length (up to the stored seven) of which at most <paramref name="maxCells"/>
    /// cover the box, leaving out those that cannot touch <paramref name="area"/> when one is given.
    /// </summary>
    public static IReadOnlyList<string> Cells(Box box, int maxCells = MaxCells, Area? area = null)
    {
        for (var length = Geohash.DefaultLength; length > 1; length--)
        {
            var (lonBits, latBits) = Bits(length);
            var (west, east) = Indices(box.MinLon, box.MaxLon, -180, 360, lonBits);
            var (south, north) = Indices(box.MinLat, box.MaxLat, -90, 180, latBits);
            var count = (long)(east - west + 1) * (north - south + 1);
            // A circle touches about π/4 of its box's cells, so a box of up to twice the cells may still fit.
            if (count <= maxCells || (area is not null && count <= 2L * maxCells))
            {
                var cells = Enumerate(length, west, east, south, north, area);
                if (cells.Count <= maxCells)
                {
                    return cells;
                }
            }
        }
        var (lb, tb) = Bits(1);
        var (w1, e1) = Indices(box.MinLon, box.MaxLon, -180, 360, lb);
        var (s1, n1) = Indices(box.MinLat, box.MaxLat, -90, 180, tb);
        return Enumerate(1, w1, e1, s1, n1);
    }

    /// <summary>The next key after every key that starts with the prefix; null when there is none.</summary>
    public static string? Successor(string prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            var index = Alphabet.IndexOf(prefix[i], StringComparison.Ordinal);
            if (index < Alphabet.Length - 1)
            {
                return string.Concat(prefix.AsSpan(0, i), Alphabet[index + 1].ToString());
            }
        }
        return null;
    }

    private static (int LonBits, int LatBits) Bits(int length) => ((5 * length + 1) / 2, 5 * length / 2);

    private static (int From, int To) Indices(double min, double max, double origin, double extent, int bits)
    {
        var count = 1 << bits;
        var size = extent / count;
        var from = Math.Clamp((int)Math.Floor((min - origin) / size), 0, count - 1);
        var to = Math.Clamp((int)Math.Floor((max - origin) / size), 0, count - 1);
        return (from, to);
    }

    private static List<string> Enumerate(int length, int west, int east, int south, int north, Area? area = null)
    {
        var (lonBits, latBits) = Bits(length);
        var width = 360.0 / (1 << lonBits);
        var height = 180.0 / (1 << latBits);
        var cells = new List<string>((east - west + 1) * (north - south + 1));
        for (var y = south; y <= north; y++)
        {
            for (var x = west; x <= east; x++)
            {
                var (minLat, minLon) = (-90 + (y * height), -180 + (x * width));
                if (area is null || area.MayTouch(new Box(minLat, minLon, minLat + height, minLon + width)))
                {
                    cells.Add(Geohash.Encode(minLat + (height / 2), minLon + (width / 2), length));
                }
            }
        }
        return cells;
    }

    /// <summary>Sorted prefixes as ranges, joining a prefix to the next when no key can fall between them.</summary>
    private static List<CellRange> Merge(SortedSet<string> prefixes)
    {
        var ranges = new List<CellRange>();
        string? from = null;
        string? to = null;
        foreach (var prefix in prefixes)
        {
            if (from is not null && to is not null && string.CompareOrdinal(prefix, to) <= 0)
            {
                var next = Successor(prefix);
                to = next is null || string.CompareOrdinal(next, to) > 0 ? next : to;
                if (to is null)
                {
                    break;
                }
                continue;
            }
            if (from is not null)
            {
                ranges.Add(new CellRange(from, to));
                if (to is null)
                {
                    return ranges;
                }
            }
            from = prefix;
            to = Successor(prefix);
        }
        if (from is not null)
        {
            ranges.Add(new CellRange(from, to));
        }
        return ranges;
    }
}
