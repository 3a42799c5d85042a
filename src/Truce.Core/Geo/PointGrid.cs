namespace Truce.Geo;

/// <summary>
/// Points bucketed in a latitude-longitude grid whose cells are at least a given distance wide, so that
/// every point within that distance of another lies in the 3 by 3 cells around it. The in-memory twin of
/// the cell index, for clustering many points at once.
/// </summary>
internal sealed class PointGrid
{
    private readonly double _cellLat;
    private readonly double _cellLon;
    private readonly int _columns;
    private readonly Dictionary<long, (int Start, int End)> _cells;

    /// <summary>Point indices sorted by cell; a cell's points are a slice of it.</summary>
    public int[] Order { get; }

    public PointGrid(double[] latitudes, double[] longitudes, double distanceM)
    {
        var n = latitudes.Length;
        var angularDeg = distanceM / GeoMath.EarthRadiusM * 180 / Math.PI;
        _cellLat = Math.Max(angularDeg, 1e-9);
        var maxAbsLat = 0.0;
        for (var i = 0; i < n; i++)
        {
            maxAbsLat = Math.Max(maxAbsLat, Math.Abs(latitudes[i]));
        }
        // The widest longitude span the distance can cover at the highest latitude present (plus one cell).
        var highest = Math.Min(90, maxAbsLat + angularDeg);
        var cos = Math.Cos(highest * Math.PI / 180);
        var sin = Math.Sin(Math.Min(Math.PI / 2, distanceM / GeoMath.EarthRadiusM));
        _cellLon = highest >= 89.9 || sin >= cos ? 360 : Math.Max(Math.Asin(sin / cos) * 180 / Math.PI, 1e-9);
        _columns = Math.Max(1, (int)Math.Ceiling(360 / _cellLon));
        if (_columns < 3)
        {
            (_cellLon, _columns) = (360, 1);
        }
        var keys = new long[n];
        Order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = Key(Row(latitudes[i]), Column(longitudes[i]));
            Order[i] = i;
        }
        Array.Sort(keys, Order);
        _cells = [];
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            _cells[keys[start]] = (start, end);
            start = end;
        }
    }

    /// <summary>Fills <paramref name="slices"/> with the slices of <see cref="Order"/> that may hold a point near this one; returns how many.</summary>
    public int Around(double latitude, double longitude, Span<(int Start, int End)> slices)
    {
        var row = Row(latitude);
        var column = Column(longitude);
        var count = 0;
        for (var r = row - 1; r <= row + 1; r++)
        {
            for (var dc = -1; dc <= 1; dc++)
            {
                if (_columns == 1 && dc != 0)
                {
                    continue;
                }
                // Columns wrap around the antimeridian.
                var c = ((column + dc) % _columns + _columns) % _columns;
                if (_cells.TryGetValue(Key(r, c), out var slice))
                {
                    slices[count++] = slice;
                }
            }
        }
        return count;
    }

    private int Row(double latitude) => (int)Math.Floor((latitude + 90) / _cellLat);

    private int Column(double longitude) => (int)Math.Floor((longitude + 180) / _cellLon) % _columns;

    private long Key(int row, int column) => ((long)row * _columns) + column;
}
