using Truce.Testing;

namespace Truce.Bench.Queries;

/// <summary>
/// Observations where a mission sees them (<see cref="SyntheticPositions"/>, as bench/Corroboration) and
/// when: over two years, each lasting up to six hours.
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
        var positions = new SyntheticPositions(random);
        var (lat, lon) = (new double[count], new double[count]);
        var (from, to) = (new DateTimeOffset[count], new DateTimeOffset[count]);
        for (var i = 0; i < count; i++)
        {
            (lat[i], lon[i]) = positions.Next();
            // Whole seconds: what Instant.Normalize keeps survives the round trip through either engine.
            from[i] = Start.AddSeconds(random.NextInt64(0, (long)Span.TotalSeconds));
            to[i] = from[i].AddSeconds(random.Next(0, 6 * 3600));
        }
        return new SyntheticObservations(lat, lon, from, to);
    }

    public static Guid IdOf(int row) => new(row, 0x7275, 0x6365, 0, 0, 0, 0, 0, 0, 0, 0);

    public static int RowOf(Guid id) => BitConverter.ToInt32(id.ToByteArray(), 0);
}
