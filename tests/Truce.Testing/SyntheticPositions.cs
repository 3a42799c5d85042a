namespace Truce.Testing;

/// <summary>
/// Positions where a mission's observations fall: 55 % in bursts around 60 sites over the Armenia–Azerbaijan
/// region, 35 % strung along a line of contact, 10 % scattered. The benchmarks draw their points from it, each
/// adding its own times from the same <see cref="Random"/>, so a seed gives the same rows every run.
/// </summary>
public sealed class SyntheticPositions
{
    private static readonly (double Lat, double Lon)[] Line =
        [(41.20, 45.00), (40.90, 45.40), (40.45, 45.70), (40.10, 46.20), (39.75, 46.60), (39.40, 46.50), (39.10, 46.80)];

    private readonly Random _random;
    private readonly (double Lat, double Lon)[] _sites;

    /// <summary>Draws the 60 sites from <paramref name="random"/>; <see cref="Next"/> draws each position from it.</summary>
    public SyntheticPositions(Random random)
    {
        _random = random;
        _sites = [.. Enumerable.Range(0, 60).Select(_ => (38.9 + (random.NextDouble() * 2.4), 44.6 + (random.NextDouble() * 2.8)))];
    }

    /// <summary>The next position, in degrees rounded to 6 places (about 0.1 m), as a GPS report gives it.</summary>
    public (double Latitude, double Longitude) Next()
    {
        double lat, lon;
        var kind = _random.NextDouble();
        if (kind < 0.55)
        {
            // Around a site: most within a few hundred metres (0.003 deg is about 330 m).
            var site = _sites[_random.Next(_sites.Length)];
            var sigma = _random.NextDouble() < 0.7 ? 0.003 : 0.02;
            (lat, lon) = (site.Lat + Gaussian(sigma), site.Lon + Gaussian(sigma * 1.3));
        }
        else if (kind < 0.9)
        {
            // Along the line of contact, within about a kilometre of it.
            var segment = _random.Next(Line.Length - 1);
            var t = _random.NextDouble();
            var (a, b) = (Line[segment], Line[segment + 1]);
            (lat, lon) = (a.Lat + ((b.Lat - a.Lat) * t) + Gaussian(0.008), a.Lon + ((b.Lon - a.Lon) * t) + Gaussian(0.01));
        }
        else
        {
            (lat, lon) = (38.8 + (_random.NextDouble() * 2.7), 44.5 + (_random.NextDouble() * 3.0));
        }
        return (Math.Round(lat, 6), Math.Round(lon, 6));
    }

    /// <summary>Box–Muller: a normal deviate with standard deviation <paramref name="sigma"/> degrees.</summary>
    private double Gaussian(double sigma) => sigma * Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
