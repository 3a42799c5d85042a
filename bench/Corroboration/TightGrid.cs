namespace Truce.Bench.Corroboration;

/// <summary>
/// Points bucketed in a latitude-longitude grid whose cells are narrow enough that any two points of one
/// cell lie within a given angular distance of each other (with a margin far above rounding error), so
/// that a clustering can treat a cell as a whole: a cell of minPts points is all core, and two cells are
/// linked by a single close pair. A point's neighbours within the distance lie in the cells at most
/// <see cref="RowReach"/> rows and <see cref="ColumnReach"/> columns away.
/// </summary>
internal sealed class TightGrid
{
    private readonly double _cellLat;
    private readonly double _cellLon;
    private readonly int _columns;
    private readonly Dictionary<long, int> _index;

    /// <summary>Point indices sorted by cell; a cell's points are a slice of it.</summary>
    public int[] Order { get; }

    /// <summary>Each occupied cell's slice of <see cref="Order"/> and its row and column, in key order.</summary>
    public (int Start, int End, int Row, int Column)[] Cells { get; }

    /// <summary>The cell of each point (an index into <see cref="Cells"/>).</summary>
    public int[] CellOf { get; }

    public int RowReach { get; }

    public int ColumnReach { get; }

    /// <param name="distance">The angular distance in radians, for which two points are near when
    /// sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2) ≤ sin²(distance/2).</param>
    public TightGrid(double[] latitudes, double[] longitudes, double distance)
    {
        var n = latitudes.Length;
        var (minAbsLat, maxAbsLat, crossesEquator) = (90.0, 0.0, false);
        for (var i = 0; i < n; i++)
        {
            var a = Math.Abs(latitudes[i]);
            (minAbsLat, maxAbsLat) = (Math.Min(minAbsLat, a), Math.Max(maxAbsLat, a));
            crossesEquator |= latitudes[i] < 0 != latitudes[0] < 0;
        }
        static double Hav(double x) => Math.Pow(Math.Sin(x / 2), 2);
        // The side in latitude is distance/√2 (less a margin); the side in longitude is the widest whose
        // diagonal stays within the distance where a degree of longitude is longest (the lowest latitude).
        var budget = Hav(distance) * (1 - 1e-7);
        var side = distance / Math.Sqrt(2) * (1 - 1e-6);
        var cosMax = crossesEquator ? 1 : Math.Cos(minAbsLat * Math.PI / 180);
        var lonSide = 2 * Math.Asin(Math.Min(1, Math.Sqrt((budget - Hav(side)) / (cosMax * cosMax))));
        _cellLat = side * 180 / Math.PI;
        _cellLon = Math.Min(360, lonSide * 180 / Math.PI);
        _columns = Math.Max(1, (int)Math.Floor(360 / _cellLon));
        _cellLon = 360.0 / _columns;
        RowReach = (int)Math.Floor(distance / side) + 1;
        // The widest longitude span the distance covers at the highest latitude present (plus one row).
        var highest = Math.Min(90, maxAbsLat + (RowReach * _cellLat));
        var cos = Math.Cos(highest * Math.PI / 180);
        var sin = Math.Sin(Math.Min(Math.PI / 2, distance));
        var lonReach = highest >= 89.9 || sin >= cos ? 180 : Math.Asin(sin / cos) * 180 / Math.PI;
        ColumnReach = Math.Min(_columns, (int)Math.Floor(lonReach / _cellLon) + 1);

        var keys = new long[n];
        Order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = Key(Row(latitudes[i]), Column(longitudes[i]));
            Order[i] = i;
        }
        Array.Sort(keys, Order);
        var cells = new List<(int, int, int, int)>();
        _index = [];
        CellOf = new int[n];
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            _index[keys[start]] = cells.Count;
            for (var k = start; k < end; k++)
            {
                CellOf[Order[k]] = cells.Count;
            }
            cells.Add((start, end, (int)(keys[start] / _columns), (int)(keys[start] % _columns)));
            start = end;
        }
        Cells = [.. cells];
    }

    /// <summary>
    /// Fills <paramref name="around"/> with the occupied cells (indices into <see cref="Cells"/>) that may
    /// hold a point within the distance of a point of this cell, the cell itself included; returns how many.
    /// <paramref name="around"/> needs room for <see cref="MaxAround"/> cells.
    /// </summary>
    public int Around(int cell, Span<int> around)
    {
        var (_, _, row, column) = Cells[cell];
        var count = 0;
        var wraps = (2 * ColumnReach) + 1 >= _columns;
        for (var r = row - RowReach; r <= row + RowReach; r++)
        {
            if (wraps)
            {
                for (var c = 0; c < _columns; c++)
                {
                    if (_index.TryGetValue(Key(r, c), out var found))
                    {
                        around[count++] = found;
                    }
                }
                continue;
            }
            for (var dc = -ColumnReach; dc <= ColumnReach; dc++)
            {
                // Columns wrap around the antimeridian.
                var c = ((column + dc) % _columns + _columns) % _columns;
                if (_index.TryGetValue(Key(r, c), out var found))
                {
                    around[count++] = found;
                }
            }
        }
        return count;
    }

    public int MaxAround => ((2 * RowReach) + 1) * Math.Min(_columns, (2 * ColumnReach) + 1);

    private int Row(double latitude) => (int)Math.Floor((latitude + 90) / _cellLat);

    private int Column(double longitude) => Math.Clamp((int)Math.Floor((longitude + 180) / _cellLon), 0, _columns - 1);

    private long Key(int row, int column) => ((long)row * _columns) + column;
}
