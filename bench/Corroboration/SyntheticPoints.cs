using System.Globalization;

namespace Truce.Bench.Corroboration;

/// <summary>Observations as a mission sees them: bursts around sites, reports strung along a line of contact, scattered noise.</summary>
public sealed record Points(double[] Latitudes, double[] Longitudes, long[] Times)
{
    public int Count => Latitudes.Length;

    /// <summary>Seeded: the same count and seed give the same points.</summary>
    public static Points Synthetic(int count, int seed = 20261129)
    {
        var random = new Random(seed);
        double Gaussian(double sigma) => sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        // About 60 sites over the Armenia-Azerbaijan region, and a line of contact of a few segments.
        var sites = Enumerable.Range(0, 60).Select(_ => (Lat: 38.9 + (random.NextDouble() * 2.4), Lon: 44.6 + (random.NextDouble() * 2.8))).ToArray();
        (double Lat, double Lon)[] line = [(41.20, 45.00), (40.90, 45.40), (40.45, 45.70), (40.10, 46.20), (39.75, 46.60), (39.40, 46.50), (39.10, 46.80)];
        var lat = new double[count];
        var lon = new double[count];
        var time = new long[count];
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 0; i < count; i++)
        {
            var kind = random.NextDouble();
            if (kind < 0.55)
            {
                // Around a site: most within a few hundred metres (0.003 deg is about 330 m).
                var site = sites[random.Next(sites.Length)];
                var sigma = random.NextDouble() < 0.7 ? 0.003 : 0.02;
                (lat[i], lon[i]) = (site.Lat + Gaussian(sigma), site.Lon + Gaussian(sigma * 1.3));
            }
            else if (kind < 0.9)
            {
                // Along the line of contact, within about a kilometre of it.
                var segment = random.Next(line.Length - 1);
                var t = random.NextDouble();
                var (a, b) = (line[segment], line[segment + 1]);
                (lat[i], lon[i]) = (a.Lat + ((b.Lat - a.Lat) * t) + Gaussian(0.008), a.Lon + ((b.Lon - a.Lon) * t) + Gaussian(0.01));
            }
            else
            {
                (lat[i], lon[i]) = (38.8 + (random.NextDouble() * 2.7), 44.5 + (random.NextDouble() * 3.0));
            }
            lat[i] = Math.Round(lat[i], 6);
            lon[i] = Math.Round(lon[i], 6);
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
