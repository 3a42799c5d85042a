namespace Truce.Geo;

/// <summary>Spherical-earth geometry; good to a few metres at the distances a monitor reports.</summary>
public static class GeoMath
{
    public const double EarthRadiusM = 6_371_008.8;

    public static bool IsLatitude(double value) => double.IsFinite(value) && value is >= -90 and <= 90;

    public static bool IsLongitude(double value) => double.IsFinite(value) && value is >= -180 and <= 180;

    /// <summary>Great-circle distance in metres.</summary>
    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The point reached from a start by travelling a distance along an initial bearing.</summary>
    public static (double Latitude, double Longitude) Destination(double lat, double lon, double bearingDeg, double distanceM)
    {
        var angular = distanceM / EarthRadiusM;
        var bearing = ToRadians(bearingDeg);
        var lat1 = ToRadians(lat);
        var lon1 = ToRadians(lon);
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(angular)) + (Math.Cos(lat1) * Math.Sin(angular) * Math.Cos(bearing)));
        var lon2 = lon1 + Math.Atan2(
            Math.Sin(bearing) * Math.Sin(angular) * Math.Cos(lat1),
            Math.Cos(angular) - (Math.Sin(lat1) * Math.Sin(lat2)));
        var lonDeg = ToDegrees(lon2);
        lonDeg = ((lonDeg + 540) % 360) - 180;
        return (Math.Round(ToDegrees(lat2), 6), Math.Round(lonDeg, 6));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;
}
