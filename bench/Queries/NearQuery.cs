using Truce.Geo;

namespace Truce.Bench.Queries;

/// <summary>A near query as the API takes it: a centre, a radius, a window (30 days, or a year).</summary>
public sealed record NearQuery(double Latitude, double Longitude, double RadiusKm, DateTimeOffset From, DateTimeOffset To)
{
    public Area Area { get; } = Area.Circle(Latitude, Longitude, RadiusKm * 1000);

    /// <summary>Seeded: centres where the observations are (an observation's position moved up to 2 km), radius 5 to 25 km.</summary>
    public static NearQuery[] Generate(SyntheticObservations rows, int count, int seed = 3, int days = 30)
    {
        var random = new Random(seed);
        var last = (long)(SyntheticObservations.Span - TimeSpan.FromDays(days)).TotalSeconds;
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var row = random.Next(rows.Count);
            var from = SyntheticObservations.Start.AddSeconds(random.NextInt64(0, last));
            return new NearQuery(
                Math.Round(rows.Latitudes[row] + ((random.NextDouble() - 0.5) * 0.036), 5),
                Math.Round(rows.Longitudes[row] + ((random.NextDouble() - 0.5) * 0.047), 5),
                Math.Round(5 + (random.NextDouble() * 20), 1), from, from.AddDays(days));
        })];
    }

    /// <summary>The time test every method applies: the observation's interval overlaps the window (as ListFilter's from/to).</summary>
    public bool During(DateTimeOffset from, DateTimeOffset to) => to >= From && from <= To;
}
