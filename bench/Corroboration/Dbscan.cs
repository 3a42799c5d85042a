namespace Truce.Bench.Corroboration;

/// <summary>
/// DBSCAN on the sphere (haversine distance, eps in kilometres), labelling exactly as scikit-learn's
/// <c>DBSCAN(metric='haversine')</c> does, so the corroboration engine can be compared cluster for cluster:
/// a point is core when at least minPts points (itself included) lie within eps; core points within eps of
/// each other share a cluster; a border point joins the cluster scikit-learn reaches it from first, which is
/// the adjacent cluster whose lowest-numbered core point is lowest; clusters are numbered in that order;
/// noise is -1.
/// </summary>
internal static class Dbscan
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
        // Cells narrow enough that any two points of one cell are within eps: a cell of minPts points is all
        // core, its core points are one cluster, and two cells are linked by the first close pair found.
        var grid = new TightGrid(latitudes, longitudes, eps);
        var (order, cells, cellOf) = (grid.Order, grid.Cells, grid.CellOf);

        bool Near(int i, int j)
        {
            var sinLat = Math.Sin(0.5 * (phi[i] - phi[j]));
            var sinLon = Math.Sin(0.5 * (lambda[i] - lambda[j]));
            return (sinLat * sinLat) + (cosPhi[i] * cosPhi[j] * sinLon * sinLon) <= reducedEps;
        }

        // 1. Core points: a full cell is core; elsewhere count the cell and the close points around it, stopping at minPts.
        var core = new bool[n];
        Parallel.For(0, cells.Length, () => new int[grid.MaxAround], (c, _, around) =>
        {
            var (start, end, _, _) = cells[c];
            if (end - start >= minPts)
            {
                for (var k = start; k < end; k++)
                {
                    core[order[k]] = true;
                }
                return around;
            }
            var found = grid.Around(c, around);
            for (var k = start; k < end; k++)
            {
                var i = order[k];
                var count = end - start;
                for (var s = 0; s < found && count < minPts; s++)
                {
                    if (around[s] == c)
                    {
                        continue;
                    }
                    var (from, to, _, _) = cells[around[s]];
                    for (var m = from; m < to && count < minPts; m++)
                    {
                        if (Near(i, order[m]))
                        {
                            count++;
                        }
                    }
                }
                core[i] = count >= minPts;
            }
            return around;
        }, _ => { });

        // 2. Clusters of core points: union-find; a set's root is its lowest index. The core points of a cell
        // are one set; each pair of nearby cells needs one close core pair, looked for only while they differ.
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }
        var firstCore = new int[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            firstCore[c] = -1;
            for (var k = cells[c].Start; k < cells[c].End; k++)
            {
                var i = order[k];
                if (core[i])
                {
                    if (firstCore[c] < 0)
                    {
                        firstCore[c] = i;
                    }
                    else
                    {
                        Union(parent, firstCore[c], i);
                    }
                }
            }
        }
        var near = new int[grid.MaxAround];
        for (var c = 0; c < cells.Length; c++)
        {
            if (firstCore[c] < 0)
            {
                continue;
            }
            var found = grid.Around(c, near);
            for (var s = 0; s < found; s++)
            {
                var d = near[s];
                if (d > c && firstCore[d] >= 0 && Find(parent, firstCore[c]) != Find(parent, firstCore[d]) && Linked(cells[c], cells[d]))
                {
                    Union(parent, firstCore[c], firstCore[d]);
                }
            }
        }

        bool Linked((int Start, int End, int, int) a, (int Start, int End, int, int) b)
        {
            for (var k = a.Start; k < a.End; k++)
            {
                var i = order[k];
                if (!core[i])
                {
                    continue;
                }
                for (var m = b.Start; m < b.End; m++)
                {
                    var j = order[m];
                    if (core[j] && Near(i, j))
                    {
                        return true;
                    }
                }
            }
            return false;
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
        Parallel.For(0, n, () => new int[grid.MaxAround], (i, _, around) =>
        {
            if (core[i])
            {
                return around;
            }
            var best = -1;
            var found = grid.Around(cellOf[i], around);
            for (var s = 0; s < found; s++)
            {
                var (from, to, _, _) = cells[around[s]];
                for (var k = from; k < to; k++)
                {
                    var j = order[k];
                    if (core[j] && (best == -1 || clusterOf[j] < best) && Near(i, j))
                    {
                        best = clusterOf[j];
                    }
                }
            }
            labels[i] = best;
            return around;
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
