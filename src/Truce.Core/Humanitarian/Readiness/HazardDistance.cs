using NetTopologySuite.Geometries;
using Truce.Handovers;

namespace Truce.Humanitarian;

/// <summary>
/// How far a hazardous area's polygon lies from a point, in metres: 0 inside, otherwise to its nearest edge. The polygon
/// is laid flat around the point (an equirectangular projection), which errs by well under 1% within the tens of
/// kilometres the readiness rules look at.
/// </summary>
public static class HazardDistance
{
    private const double MetresPerDegreeLatitude = 110_574;

    private const double MetresPerDegreeLongitudeAtEquator = 111_320;

    public static double FromPointM(string geometryJson, double latitude, double longitude)
    {
        var shape = ShapeRules.Polygon(geometryJson, "area", new FieldErrors());
        if (shape is null)
        {
            return double.PositiveInfinity;
        }
        var scale = Math.Cos(latitude * Math.PI / 180) * MetresPerDegreeLongitudeAtEquator;
        var flat = shape.Value.Geometry.Copy();
        flat.Apply(new Flatten(latitude, longitude, scale));
        flat.GeometryChanged();
        return flat.Distance(new Point(0, 0));
    }

    private sealed class Flatten(double latitude, double longitude, double metresPerDegreeLongitude) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, (seq.GetX(i) - longitude) * metresPerDegreeLongitude);
                seq.SetY(i, (seq.GetY(i) - latitude) * MetresPerDegreeLatitude);
            }
        }
    }
}
