using FsCheck;
using FsCheck.Fluent;
using Truce.Geo;

namespace Truce.Core.Tests.Geo;

public sealed class GeoTests
{
    [Theory]
    // Reference cells from the geohash specification's examples and geohash.org.
    [InlineData(42.6, -5.6, 5, "ezs42")]
    [InlineData(57.64911, 10.40744, 11, "u4pruydqqvj")]
    [InlineData(-25.382708, -49.265506, 7, "6gkzwgj")]
    public void Encodes_reference_points(double lat, double lon, int length, string expected) =>
        Assert.Equal(expected, Geohash.Encode(lat, lon, length));

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property A_cell_contains_its_point() =>
        Prop.ForAll(
            Gen.Choose(-89_999_999, 89_999_999).Select(v => v / 1e6).ToArbitrary(),
            Gen.Choose(-179_999_999, 179_999_999).Select(v => v / 1e6).ToArbitrary(),
            (lat, lon) =>
            {
                var (minLat, minLon, maxLat, maxLon) = Geohash.Bounds(Geohash.Encode(lat, lon));
                return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
            });

    [Fact]
    public void Distance_between_Yerevan_and_Khankendi_matches_the_great_circle()
    {
        // GeoNames coordinates; 195.0 km by an independent haversine computation in Python (R = 6371.0088 km).
        var metres = GeoMath.DistanceM(40.17765, 44.5126, 39.8177, 46.7528);
        Assert.InRange(metres, 194_900, 195_050);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Travelling_a_distance_on_a_bearing_lands_that_far_away() =>
        Prop.ForAll(
            Gen.Choose(0, 3599).Select(v => v / 10.0).ToArbitrary(),
            Gen.Choose(1, 100_000).ToArbitrary(),
            (bearing, distance) =>
            {
                var (lat, lon) = GeoMath.Destination(40.0, 46.0, bearing, distance);
                return Math.Abs(GeoMath.DistanceM(40.0, 46.0, lat, lon) - distance) < 1.0;
            });
}
