using System.Globalization;
using Truce.Testing;

namespace Truce.Bench.Corroboration;

/// <summary>Observations as a mission sees them: bursts around sites, reports strung along a line of contact, scattered noise.</summary>
internal sealed record Points(double[] Latitudes, double[] Longitudes, long[] Times)
{
    public int Count => Latitudes.Length;

    /// <summary>Seeded: the same count and seed give the same points.</summary>
    public static Points Synthetic(int count, int seed = 20261129)
    {
        var random = new Random(seed);
        var positions = new SyntheticPositions(random);
        var lat = new double[count];
        var lon = new double[count];
        var time = new long[count];
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 0; i < count; i++)
        {
            (lat[i], lon[i]) = positions.Next();
            time[i] = start + random.NextInt64(0, 2L * 365 * 86_400);
        }
        return new Points(lat, lon, time);
    }

    /// <summary>Reads latitude, longitude and time (ISO 8601 or Unix seconds; optional) columns, with a header line.</summary>
    public static Points ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(params string[] names) => header.FindIndex(h => names.Contains(h));
        var (latCol, lonCol, timeCol) = (Column("latitude", "lat"), Column("longitude", "lon", "lng"), Column("time", "date", "observed_at"));
        if (latCol < 0 || lonCol < 0)
        {
            throw new InvalidDataException($"{path}: the header needs latitude and longitude columns.");
        }
        var (lat, lon, time) = (new List<double>(), new List<double>(), new List<long>());
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            if (!double.TryParse(fields[latCol], CultureInfo.InvariantCulture, out var la) || !double.TryParse(fields[lonCol], CultureInfo.InvariantCulture, out var lo))
            {
                throw new InvalidDataException($"{path} line {line}: latitude or longitude is not a number.");
            }
            lat.Add(la);
            lon.Add(lo);
            var t = timeCol >= 0 && timeCol < fields.Length ? fields[timeCol] : "";
            time.Add(long.TryParse(t, CultureInfo.InvariantCulture, out var seconds) ? seconds
                : DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUnixTimeSeconds() : 0);
        }
        return new Points([.. lat], [.. lon], [.. time]);
    }

    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path);
        writer.Write("latitude,longitude,time\n");
        for (var i = 0; i < Count; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Latitudes[i]:R},{Longitudes[i]:R},{Times[i]}\n"));
        }
    }
}
