using Truce.Geo;

namespace Truce.Verification;

/// <summary>
/// DBSCAN on the sphere (haversine distance, eps in kilometres), labelling exactly as scikit-learn's
/// <c>DBSCAN(metric='haversine')</c> does, so the corroboration engine can be compared cluster for cluster:
/// a point is core when at least minPts points (itself included) lie within eps; core points within eps of
/// each other share a cluster; a border point joins the cluster scikit-learn reaches it from first, which is
/// the adjacent cluster whose lowest-numbered core point is lowest; clusters are numbered in that order;
/// noise is -1.
/// </summary>
public static class Dbscan
{
    /// <summary>The mean earth radius scikit-learn's examples and the benchmark divide by.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public static int[] Cluster(double[] latitudes, double[] longitudes, double epsKm, int minPts)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(latitudes.Length, longitudes.Length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsKm);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minPts);
        var n = latitudes.Length;
        var phi = new double[n];
        var lambda = new double[n];
        var cosPhi = new double[n];
        for (var i = 0; i < n; i++)
        {
            phi[i] = latitudes[i] * (Math.PI / 180);
            lambda[i] = longitudes[i] * (Math.PI / 180);
            cosPhi[i] = Math.Cos(phi[i]);
        }
        var eps = epsKm / EarthRadiusKm;
        // scikit-learn's ball tree compares the "reduced" haversine distance, sin²(d/2), with sin²(eps/2).
        var reducedEps = Math.Pow(Math.Sin(eps / 2), 2);
        var grid = new PointGrid(latitudes, longitudes, eps * GeoMath.EarthRadiusM * 1.000001);
        var order = grid.Order;

        bool Near(int i, int j)
        {
            var sinLat = Math.Sin(0.5 * (phi[i] - phi[j]));
            var sinLon = Math.Sin(0.5 * (lambda[i] - lambda[j]));
            return (sinLat * sinLat) + (cosPhi[i] * cosPhi[j] * sinLon * sinLon) <= reducedEps;
        }

        // 1. Core points: count neighbours, stopping at minPts.
        var core = new bool[n];
        Parallel.For(0, n, () => new (int, int)[9], (i, _, slices) =>
        {
            var count = 0;
            var found = grid.Around(latitudes[i], longitudes[i], slices);
            for (var s = 0; s < found && count < minPts; s++)
            {
                for (var k = slices[s].Item1; k < slices[s].Item2 && count < minPts; k++)
                {
                    if (Near(i, order[k]))
                    {
                        count++;
                    }
                }
            }
            core[i] = count >= minPts;
            return slices;
        }, _ => { });

        // 2. Clusters of core points: union-find over core-core edges; a set's root is its lowest index.
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }
        Span<(int, int)> around = stackalloc (int, int)[9];
        for (var i = 0; i < n; i++)
        {
            if (!core[i])
            {
                continue;
            }
            var found = grid.Around(latitudes[i], longitudes[i], around);
            for (var s = 0; s < found; s++)
            {
                for (var k = around[s].Item1; k < around[s].Item2; k++)
                {
                    var j = order[k];
                    if (j > i && core[j] && Find(parent, i) != Find(parent, j) && Near(i, j))
                    {
                        Union(parent, i, j);
                    }
                }
            }
        }

        // 3. Number clusters by their lowest core index; a border point takes the lowest adjacent one.
        var labels = new int[n];
        var clusterOf = new int[n];
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            if (core[i])
            {
                var root = Find(parent, i);
                labels[i] = root == i ? next++ : labels[root];
                clusterOf[i] = labels[i];
            }
        }
        Parallel.For(0, n, () => new (int, int)[9], (i, _, slices) =>
        {
            if (core[i])
            {
                return slices;
            }
            var best = -1;
            var found = grid.Around(latitudes[i], longitudes[i], slices);
            for (var s = 0; s < found; s++)
            {
                for (var k = slices[s].Item1; k < slices[s].Item2; k++)
                {
                    var j = order[k];
                    if (core[j] && (best == -1 || clusterOf[j] < best) && Near(i, j))
                    {
                        best = clusterOf[j];
                    }
                }
            }
            labels[i] = best;
            return slices;
        }, _ => { });
        return labels;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra < rb)
        {
            parent[rb] = ra;
        }
        else if (rb < ra)
        {
            parent[ra] = rb;
        }
    }
}
