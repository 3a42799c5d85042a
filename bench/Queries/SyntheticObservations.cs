namespace Truce.Bench.Queries;

/// <summary>
/// Observations where a mission sees them (55 % in bursts around 60 sites, 35 % along a line of contact,
/// 10 % scattered over the region, as bench/Corroboration) and when: over two years, each lasting up to six hours.
/// Row i is stored with the id <see cref="IdOf"/>(i) and, in SQLite, the rowid i + 1.
/// </summary>
public sealed record SyntheticObservations(double[] Latitudes, double[] Longitudes, DateTimeOffset[] From, DateTimeOffset[] To)
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Span = TimeSpan.FromDays(730);

    public int Count => Latitudes.Length;

    /// <summary>Seeded: the same count and seed give the same rows.</summary>
    public static SyntheticObservations Generate(int count, int seed = 20261129)
    {
        var random = new Random(seed);
        double Gaussian(double sigma) => sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var sites = Enumerable.Range(0, 60).Select(_ => (Lat: 38.9 + (random.NextDouble() * 2.4), Lon: 44.6 + (random.NextDouble() * 2.8))).ToArray();
        (double Lat, double Lon)[] line = [(41.20, 45.00), (40.90, 45.40), (40.45, 45.70), (40.10, 46.20), (39.75, 46.60), (39.40, 46.50), (39.10, 46.80)];
        var (lat, lon) = (new double[count], new double[count]);
        var (from, to) = (new DateTimeOffset[count], new DateTimeOffset[count]);
        for (var i = 0; i < count; i++)
        {
            var kind = random.NextDouble();
            if (kind < 0.55)
            {
                var site = sites[random.Next(sites.Length)];
                var sigma = random.NextDouble() < 0.7 ? 0.003 : 0.02;
                (lat[i], lon[i]) = (site.Lat + Gaussian(sigma), site.Lon + Gaussian(sigma * 1.3));
            }
            else if (kind < 0.9)
            {
                var segment = random.Next(line.Length - 1);
                var t = random.NextDouble();
                var (a, b) = (line[segment], line[segment + 1]);
                (lat[i], lon[i]) = (a.Lat + ((b.Lat - a.Lat) * t) + Gaussian(0.008), a.Lon + ((b.Lon - a.Lon) * t) + Gaussian(0.01));
            }
            else
            {
                (lat[i], lon[i]) = (38.8 + (random.NextDouble() * 2.7), 44.5 + (random.NextDouble() * 3.0));
            }
            (lat[i], lon[i]) = (Math.Round(lat[i], 6), Math.Round(lon[i], 6));
            // Whole seconds: what Instant.Normalize keeps survives the round trip through either engine.
            from[i] = Start.AddSeconds(random.NextInt64(0, (long)Span.TotalSeconds));
            to[i] = from[i].AddSeconds(random.Next(0, 6 * 3600));
        }
        return new SyntheticObservations(lat, lon, from, to);
    }

    public static Guid IdOf(int row) => new(row, 0x7275, 0x6365, 0, 0, 0, 0, 0, 0, 0, 0);

    public static int RowOf(Guid id) => BitConverter.ToInt32(id.ToByteArray(), 0);
}
