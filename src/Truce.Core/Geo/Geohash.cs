namespace Truce.Geo;

/// <summary>
/// Geohash cells: the portable spatial key on every located row. Both engines index it as plain text,
/// so a prefix range finds the candidates and an exact distance check in code decides.
/// </summary>
public static class Geohash
{
    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    /// <summary>Seven characters: a cell of about 153 m by 153 m.</summary>
    public const int DefaultLength = 7;

    public static string Encode(double latitude, double longitude, int length = DefaultLength)
    {
        Span<char> chars = stackalloc char[length];
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        var evenBit = true;
        var bit = 0;
        var index = 0;
        var written = 0;
        while (written < length)
        {
            if (evenBit)
            {
                var mid = (lonMin + lonMax) / 2;
                if (longitude >= mid) { index = (index << 1) | 1; lonMin = mid; }
                else { index <<= 1; lonMax = mid; }
            }
            else
            {
                var mid = (latMin + latMax) / 2;
                if (latitude >= mid) { index = (index << 1) | 1; latMin = mid; }
                else { index <<= 1; latMax = mid; }
            }
            evenBit = !evenBit;
            if (++bit == 5)
            {
                chars[written++] = Alphabet[index];
                bit = 0;
                index = 0;
            }
        }
        return new string(chars);
    }

    /// <summary>The south-west and north-east corners of a cell.</summary>
    public static (double MinLat, double MinLon, double MaxLat, double MaxLon) Bounds(string cell)
    {
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        var evenBit = true;
        foreach (var c in cell)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{c}' is not a geohash character.", nameof(cell));
            }
            for (var shift = 4; shift >= 0; shift--)
            {
                var on = ((value >> shift) & 1) == 1;
                if (evenBit)
                {
                    var mid = (lonMin + lonMax) / 2;
                    if (on) lonMin = mid; else lonMax = mid;
                }
                else
                {
                    var mid = (latMin + latMax) / 2;
                    if (on) latMin = mid; else latMax = mid;
                }
                evenBit = !evenBit;
            }
        }
        return (latMin, lonMin, latMax, lonMax);
    }
}
