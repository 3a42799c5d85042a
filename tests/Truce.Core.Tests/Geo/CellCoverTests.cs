using FsCheck;
using FsCheck.Fluent;
using Truce.Geo;

namespace Truce.Core.Tests.Geo;

public sealed class CellCoverTests
{
    private static Gen<double> Between(double min, double max) =>
        Gen.Choose(0, 1_000_000).Select(v => min + ((max - min) * v / 1_000_000.0));

    /// <summary>A query and points scattered around it, some inside and some outside.</summary>
    private static Gen<(double Lat, double Lon, double RadiusM, (double Lat, double Lon)[] Points)> Queries(double maxLat) =>
        from lat in Between(-maxLat, maxLat)
        from lon in Between(-180, 180)
        from radiusKm in Between(0.05, 150)
        from points in Gen.ArrayOf(
            from dLat in Between(-2, 2)
            from dLon in Between(-2, 2)
            select (Math.Clamp(lat + (dLat * radiusKm / 100), -90, 90), Wrap(lon + (dLon * radiusKm / 100))))
        select (lat, lon, radiusKm * 1000, points);

    private static double Wrap(double lon) => lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;

    private static bool Covered(IReadOnlyList<CellRange> ranges, double lat, double lon)
    {
        var cell = Geohash.Encode(lat, lon);
        return ranges.Any(r => r.Contains(cell));
    }

    [FsCheck.Xunit.Property(MaxTest = 400)]
    public Property The_cells_of_a_circle_hold_every_point_within_its_radius() =>
        Prop.ForAll(Queries(89.9).ToArbitrary(), q =>
        {
            var area = Area.Circle(q.Lat, q.Lon, q.RadiusM);
            var ranges = CellCover.Ranges(area);
            // Brute force: every point the exact distance puts inside must be in one of the ranges.
            return q.Points.Where(p => GeoMath.DistanceM(q.Lat, q.Lon, p.Lat, p.Lon) <= q.RadiusM)
                .All(p => Covered(ranges, p.Lat, p.Lon));
        });

    [FsCheck.Xunit.Property(MaxTest = 400)]
    public Property The_cells_of_a_box_hold_every_point_inside_it_also_across_the_antimeridian() =>
        Prop.ForAll(Queries(85).ToArbitrary(), q =>
        {
            var halfLat = q.RadiusM / 111_000.0;
            var west = Wrap(q.Lon - (halfLat * 1.5));
            var east = Wrap(q.Lon + (halfLat * 1.5));
            var (south, north) = (Math.Max(-90, q.Lat - halfLat), Math.Min(90, q.Lat + halfLat));
            var ranges = CellCover.Ranges(Area.Rectangle(west, south, east, north));
            bool Inside(double lat, double lon) => lat >= south && lat <= north && (west <= east ? lon >= west && lon <= east : lon >= west || lon <= east);
            return q.Points.Where(p => Inside(p.Lat, p.Lon)).All(p => Covered(ranges, p.Lat, p.Lon));
        });

    [Fact]
    public void A_small_circle_is_covered_by_few_ranges_of_fine_cells()
    {
        var ranges = CellCover.Ranges(Area.Circle(40.9, 45.15, 5_000));

        Assert.InRange(ranges.Count, 1, CellCover.MaxRanges);
        // 5 km fits in cells of five characters (about 4.9 by 4.9 km); a range never spans the whole region.
        Assert.All(ranges, r => Assert.True(r.From.Length >= 4, r.From));
    }

    [Theory]
    [InlineData("ub", "uc")]
    [InlineData("u9", "ub")]
    [InlineData("uz", "v")]
    [InlineData("zz", null)]
    public void The_successor_of_a_prefix_is_the_first_key_after_all_its_cells(string prefix, string? expected) =>
        Assert.Equal(expected, CellCover.Successor(prefix));

    [Fact]
    public void A_point_on_a_zone_boundary_is_inside_and_one_beyond_it_is_not()
    {
        var zone = Truce.Lists.SpatialFilter.ReadGeometry(
            """{"type":"Polygon","coordinates":[[[45.0,40.0],[46.0,40.0],[46.0,41.0],[45.0,41.0],[45.0,40.0]]]}""");
        var area = Area.Polygon(zone);

        Assert.True(area.Contains(40.5, 45.5));
        Assert.True(area.Contains(40.0, 45.5));
        Assert.False(area.Contains(41.0001, 45.5));
    }
}
