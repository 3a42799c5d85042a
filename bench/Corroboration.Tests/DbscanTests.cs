using FsCheck;
using FsCheck.Fluent;
using Truce.Bench.Corroboration;

namespace Truce.Bench.Corroboration.Tests;

public sealed class DbscanTests
{
    /// <summary>
    /// DBSCAN as scikit-learn's <c>dbscan_inner</c> runs it, by brute force: every neighbourhood by a full scan
    /// (haversine, eps in radians, itself included), then clusters grown from each unlabelled core point in
    /// index order with a stack.
    /// </summary>
    internal static int[] BruteForce(double[] lat, double[] lon, double epsKm, int minPts)
    {
        var n = lat.Length;
        var eps = epsKm / 6371.0088;
        var neighbours = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            neighbours[i] = [];
            for (var j = 0; j < n; j++)
            {
                var (p1, p2) = (lat[i] * Math.PI / 180, lat[j] * Math.PI / 180);
                var h = Math.Pow(Math.Sin((p2 - p1) / 2), 2) + (Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(((lon[j] - lon[i]) * Math.PI / 180) / 2), 2));
                if (2 * Math.Asin(Math.Sqrt(h)) <= eps)
                {
                    neighbours[i].Add(j);
                }
            }
        }
        var core = neighbours.Select(list => list.Count >= minPts).ToArray();
        var labels = Enumerable.Repeat(-1, n).ToArray();
        var label = 0;
        for (var i = 0; i < n; i++)
        {
            if (labels[i] != -1 || !core[i])
            {
                continue;
            }
            var stack = new Stack<int>([i]);
            while (stack.TryPop(out var p))
            {
                if (labels[p] != -1)
                {
                    continue;
                }
                labels[p] = label;
                if (core[p])
                {
                    foreach (var q in neighbours[p].Where(q => labels[q] == -1))
                    {
                        stack.Push(q);
                    }
                }
            }
            label++;
        }
        return labels;
    }

    /// <summary>The adjusted Rand index (Hubert and Arabie), noise counted as one label as scikit-learn counts it.</summary>
    internal static double AdjustedRand(int[] a, int[] b)
    {
        static double Pairs(long k) => k * (k - 1) / 2.0;
        var table = a.Zip(b).GroupBy(p => p).Sum(g => Pairs(g.Count()));
        var rows = a.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var columns = b.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var expected = rows * columns / Pairs(a.Length);
        var max = (rows + columns) / 2;
        return max == expected ? 1.0 : (table - expected) / (max - expected);
    }

    private static Gen<double> Between(double min, double max) => Gen.Choose(0, 1_000_000).Select(v => min + ((max - min) * v / 1_000_000.0));

    // Points around a few centres near one another (so clusters touch and border points are contested), plus scatter.
    private static readonly Gen<(double Lat, double Lon)[]> Clouds =
        from centres in Gen.ArrayOf(Gen.Zip(Between(40.8, 41.0), Between(45.0, 45.3)), 4)
        from points in Gen.ArrayOf(
            from c in Gen.Elements(centres)
            from spread in Gen.Elements(0.002, 0.01, 0.05)
            from dLat in Between(-spread, spread)
            from dLon in Between(-spread, spread)
            select (c.Item1 + dLat, c.Item2 + dLon))
        select points;

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Labels_equal_a_brute_force_dbscan_point_for_point() =>
        Prop.ForAll(Clouds.ToArbitrary(), Gen.Elements(0.2, 0.5, 1.0, 2.5).ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (points, epsKm, minPts) =>
        {
            var lat = points.Select(p => p.Lat).ToArray();
            var lon = points.Select(p => p.Lon).ToArray();
            var expected = BruteForce(lat, lon, epsKm, minPts);
            var actual = Dbscan.Cluster(lat, lon, epsKm, minPts);
            return expected.SequenceEqual(actual) && (points.Length < 2 || AdjustedRand(expected, actual) == 1.0);
        });

    // Clouds anywhere on earth: near the poles, across the equator and the antimeridian, where the grid's
    // cells are widest in longitude and wrap around.
    private static readonly Gen<(double Lat, double Lon)[]> Anywhere =
        from centres in Gen.ArrayOf(Gen.Zip(Between(-89.9, 89.9), Gen.Elements(-179.99, 179.99, 0.0, 45.0)), 3)
        from points in Gen.ArrayOf(
            from c in Gen.Elements(centres)
            from spread in Gen.Elements(0.002, 0.01, 0.05)
            from dLat in Between(-spread, spread)
            from dLon in Between(-spread * 3, spread * 3)
            select (Math.Clamp(c.Item1 + dLat, -90, 90), ((c.Item2 + dLon + 540) % 360) - 180))
        select points;

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Labels_equal_a_brute_force_dbscan_anywhere_on_earth() =>
        Prop.ForAll(Anywhere.ToArbitrary(), Gen.Elements(0.2, 1.0, 5.0).ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (points, epsKm, minPts) =>
        {
            var lat = points.Select(p => p.Lat).ToArray();
            var lon = points.Select(p => p.Lon).ToArray();
            return BruteForce(lat, lon, epsKm, minPts).SequenceEqual(Dbscan.Cluster(lat, lon, epsKm, minPts));
        });

    [Fact]
    public void Points_across_the_antimeridian_join_one_cluster()
    {
        var labels = Dbscan.Cluster([10.0, 10.0, 10.001], [179.999, -179.999, 179.9995], 1.0, 2);

        Assert.Equal([0, 0, 0], labels);
    }

    [Fact]
    public void A_lone_point_is_noise()
    {
        var labels = Dbscan.Cluster([40.0, 40.0001, 41.0], [45.0, 45.0001, 45.0], 0.5, 2);

        Assert.Equal([0, 0, -1], labels);
    }
}
