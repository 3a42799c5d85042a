using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Truce.Geo;

/// <summary>A box in degrees, south-west to north-east; never crosses the antimeridian (split it first).</summary>
public readonly record struct Box(double MinLat, double MinLon, double MaxLat, double MaxLon)
{
    public bool Contains(double lat, double lon) => lat >= MinLat && lat <= MaxLat && lon >= MinLon && lon <= MaxLon;

    public double Span => (MaxLat - MinLat) * (MaxLon - MinLon);
}

/// <summary>
/// A query area: the boxes that enclose it (for the cell cover) and an exact test of a point (the
/// check made in code on the candidates the cell ranges return).
/// </summary>
public abstract class Area
{
    /// <summary>Boxes whose union contains the area; more than one only when it crosses the antimeridian.</summary>
    public abstract IReadOnlyList<Box> Bounds { get; }

    public abstract bool Contains(double lat, double lon);

    /// <summary>False only when no point of the cell can be in the area; true when unsure. Lets a cover drop cells.</summary>
    public virtual bool MayTouch(Box cell) => true;

    /// <summary>The points within a great-circle distance of a centre.</summary>
    public static Area Circle(double lat, double lon, double radiusM) => new CircleArea(lat, lon, radiusM);

    /// <summary>A box given as RFC 7946 does (west, south, east, north); a west east of the east crosses the antimeridian.</summary>
    public static Area Rectangle(double west, double south, double east, double north) => new BoxArea(west, south, east, north);

    /// <summary>A polygon or multipolygon in longitude-latitude, boundary included.</summary>
    public static Area Polygon(Geometry geometry) => new PolygonArea(geometry);

    /// <summary>
    /// The area's bounds grown by a distance on every side: the candidates to read when points will be
    /// tested at positions up to that far from where they are stored (the public's coarsened positions).
    /// </summary>
    public Area Widened(double metres)
    {
        var boxes = Bounds.Select(b =>
        {
            var dLat = metres / 111_320.0;
            var dLon = metres / (111_320.0 * Math.Max(0.01, Math.Cos(Math.Max(Math.Abs(b.MinLat), Math.Abs(b.MaxLat)) * Math.PI / 180)));
            return new Box(Math.Max(-90, b.MinLat - dLat), Math.Max(-180, b.MinLon - dLon), Math.Min(90, b.MaxLat + dLat), Math.Min(180, b.MaxLon + dLon));
        }).ToList();
        return new BoxesArea(boxes);
    }

    private sealed class BoxesArea(IReadOnlyList<Box> boxes) : Area
    {
        public override IReadOnlyList<Box> Bounds { get; } = boxes;

        public override bool Contains(double lat, double lon) => Bounds.Any(b => b.Contains(lat, lon));
    }

    private sealed class CircleArea : Area
    {
        private readonly double _lat;
        private readonly double _lon;
        private readonly double _radiusM;

        public CircleArea(double lat, double lon, double radiusM)
        {
            (_lat, _lon, _radiusM) = (lat, lon, radiusM);
            // The exact enclosing box of a spherical cap (J. P. Matuschek's bounding coordinates), widened by
            // a hair so that rounding never leaves out a point on the circle.
            const double margin = 1e-7;
            var angular = radiusM / GeoMath.EarthRadiusM;
            var dLat = angular * 180 / Math.PI;
            var minLat = lat - dLat - margin;
            var maxLat = lat + dLat + margin;
            if (minLat <= -90 || maxLat >= 90 || angular >= Math.PI / 2)
            {
                Bounds = [new Box(Math.Max(minLat, -90), -180, Math.Min(maxLat, 90), 180)];
                return;
            }
            var dLon = (Math.Asin(Math.Min(1, Math.Sin(angular) / Math.Cos(lat * Math.PI / 180))) * 180 / Math.PI) + margin;
            Bounds = Split(lon - dLon, minLat, lon + dLon, maxLat);
        }

        public override IReadOnlyList<Box> Bounds { get; }

        public override bool Contains(double lat, double lon) => GeoMath.DistanceM(_lat, _lon, lat, lon) <= _radiusM;

        // By the triangle inequality no point of the cell is nearer the centre than the cell's middle less
        // the middle's distance to its farthest corner; that reach is widened (1 % and 10 m) because on a
        // sphere the farthest point of a small cell is a corner only nearly.
        public override bool MayTouch(Box cell)
        {
            var (lat, lon) = ((cell.MinLat + cell.MaxLat) / 2, (cell.MinLon + cell.MaxLon) / 2);
            var reach = Math.Max(
                Math.Max(GeoMath.DistanceM(lat, lon, cell.MinLat, cell.MinLon), GeoMath.DistanceM(lat, lon, cell.MinLat, cell.MaxLon)),
                Math.Max(GeoMath.DistanceM(lat, lon, cell.MaxLat, cell.MinLon), GeoMath.DistanceM(lat, lon, cell.MaxLat, cell.MaxLon)));
            return GeoMath.DistanceM(_lat, _lon, lat, lon) - (reach * 1.01) - 10 <= _radiusM;
        }
    }

    private sealed class BoxArea(double west, double south, double east, double north) : Area
    {
        public override IReadOnlyList<Box> Bounds { get; } = west <= east
            ? [new Box(south, west, north, east)]
            : [new Box(south, west, north, 180), new Box(south, -180, north, east)];

        public override bool Contains(double lat, double lon) => Bounds.Any(b => b.Contains(lat, lon));
    }

    private sealed class PolygonArea : Area
    {
        private static readonly GeometryFactory Factory = new();
        private readonly IPreparedGeometry _prepared;

        public PolygonArea(Geometry geometry)
        {
            _prepared = PreparedGeometryFactory.Prepare(geometry);
            var envelope = geometry.EnvelopeInternal;
            Bounds = [new Box(envelope.MinY, envelope.MinX, envelope.MaxY, envelope.MaxX)];
        }

        public override IReadOnlyList<Box> Bounds { get; }

        public override bool Contains(double lat, double lon) => _prepared.Covers(Factory.CreatePoint(new Coordinate(lon, lat)));
    }

    /// <summary>A longitude span that may run past ±180, as one or two boxes inside [-180, 180].</summary>
    private static Box[] Split(double west, double south, double east, double north)
    {
        if (east - west >= 360)
        {
            return [new Box(south, -180, north, 180)];
        }
        if (west < -180)
        {
            return [new Box(south, west + 360, north, 180), new Box(south, -180, north, east)];
        }
        if (east > 180)
        {
            return [new Box(south, west, north, 180), new Box(south, -180, north, east - 360)];
        }
        return [new Box(south, west, north, east)];
    }
}
