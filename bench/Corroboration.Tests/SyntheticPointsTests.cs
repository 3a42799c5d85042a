namespace Truce.Bench.Corroboration.Tests;

/// <summary>The benchmark's own points: DBSCAN mode labels them as a brute-force DBSCAN does, and they survive the CSV the comparison with scikit-learn reads.</summary>
public sealed class SyntheticPointsTests
{
    [Fact]
    public void The_benchmark_points_cluster_exactly_as_a_brute_force_dbscan_does()
    {
        var points = Points.Synthetic(2_500, seed: 7);

        var labels = Dbscan.Cluster(points.Latitudes, points.Longitudes, 0.5, 5);
        var expected = DbscanTests.BruteForce(points.Latitudes, points.Longitudes, 0.5, 5);

        Assert.Equal(1.0, DbscanTests.AdjustedRand(expected, labels));
        Assert.Equal(expected, labels);
        Assert.True(labels.Max() > 10, "the synthetic points should form many clusters");
    }

    [Fact]
    public void Points_written_to_csv_read_back_the_same()
    {
        var points = Points.Synthetic(300, seed: 3);
        var path = Path.GetTempFileName();
        try
        {
            points.WriteCsv(path);
            var read = Points.ReadCsv(path);

            Assert.Equal(points.Latitudes, read.Latitudes);
            Assert.Equal(points.Longitudes, read.Longitudes);
            Assert.Equal(points.Times, read.Times);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
