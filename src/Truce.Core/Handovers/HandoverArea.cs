using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Truce.Geo;

namespace Truce.Handovers;

/// <summary>
/// What a handover covers on the ground: its zone's polygon, its sites and its access route, as one geometry in
/// longitude-latitude. Distances are measured on a local equirectangular projection around the area's centre
/// (metres = degrees × 111 320, longitude scaled by the cosine of that latitude): an affine map, so it keeps
/// intersections exact, and within a few tens of kilometres its distances are good to well under 1 %.
/// </summary>
public sealed class HandoverArea
{
    private static readonly GeometryFactory Factory = new();
    private const double MetresPerDegree = 111_320.0;
    private readonly IPreparedGeometry _geographic;
    private readonly Geometry _projected;
    private readonly double _lat0;
    private readonly double _lon0;
    private readonly double _cos0;

    public HandoverArea(IEnumerable<Geometry> parts)
    {
        var all = parts.ToList();
        Geometry = all.Count switch
        {
            0 => Factory.CreateGeometryCollection(),
            1 => all[0],
            _ => Factory.BuildGeometry(all),
        };
        _geographic = PreparedGeometryFactory.Prepare(Geometry);
        var centre = Geometry.IsEmpty ? new Coordinate(0, 0) : Geometry.EnvelopeInternal.Centre;
        (_lon0, _lat0, _cos0) = (centre.X, centre.Y, Math.Cos(centre.Y * Math.PI / 180));
        _projected = Geometry.Copy();
        _projected.Apply(new Projection(this));
    }

    public Geometry Geometry { get; }

    public bool IsEmpty => Geometry.IsEmpty;

    /// <summary>The area's bounds widened by a distance: the box to read candidates from.</summary>
    public Box Reach(double metres)
    {
        var e = Geometry.EnvelopeInternal;
        var dLat = metres / MetresPerDegree;
        var dLon = metres / (MetresPerDegree * Math.Max(0.01, Math.Cos(Math.Max(Math.Abs(e.MinY), Math.Abs(e.MaxY)) * Math.PI / 180)));
        return new Box(Math.Max(-90, e.MinY - dLat), Math.Max(-180, e.MinX - dLon), Math.Min(90, e.MaxY + dLat), Math.Min(180, e.MaxX + dLon));
    }

    /// <summary>Metres from a point to the nearest part of the area (0 inside the zone).</summary>
    public double DistanceM(double latitude, double longitude) =>
        IsEmpty ? double.PositiveInfinity : _projected.Distance(Factory.CreatePoint(Project(longitude, latitude)));

    public bool Intersects(Geometry other) => !IsEmpty && _geographic.Intersects(other);

    private Coordinate Project(double lon, double lat) =>
        new((lon - _lon0) * _cos0 * MetresPerDegree, (lat - _lat0) * MetresPerDegree);

    private sealed class Projection(HandoverArea area) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var p = area.Project(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, p.X);
                seq.SetY(i, p.Y);
            }
        }
    }
}
