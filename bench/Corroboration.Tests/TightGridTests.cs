using FsCheck;
using FsCheck.Fluent;
using Truce.Bench.Corroboration;

namespace Truce.Bench.Corroboration.Tests;

public sealed class TightGridTests
{
    private static Gen<double> Between(double min, double max) => Gen.Choose(0, 1_000_000).Select(v => min + ((max - min) * v / 1_000_000.0));

    private static double Reduced(double lat1, double lon1, double lat2, double lon2)
    {
        var (p1, p2) = (lat1 * Math.PI / 180, lat2 * Math.PI / 180);
        return Math.Pow(Math.Sin((p2 - p1) / 2), 2) + (Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin((lon2 - lon1) * Math.PI / 180 / 2), 2));
    }

    // Dense clouds around one centre anywhere on earth, so that most cells hold several points.
    private static readonly Gen<(double Lat, double Lon)[]> Clouds =
        from centre in Gen.Zip(Between(-89.99, 89.99), Between(-180, 180))
        from spread in Gen.Elements(0.001, 0.01, 0.1)
        from points in Gen.ArrayOf(Gen.Zip(Between(-spread, spread), Between(-spread * 4, spread * 4)))
        select points.Select(d => (Math.Clamp(centre.Item1 + d.Item1, -90, 90), ((centre.Item2 + d.Item2 + 540) % 360) - 180)).ToArray();

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Two_points_of_one_cell_are_within_the_distance_and_every_near_pair_is_in_reach() =>
        Prop.ForAll(Clouds.ToArbitrary(), Gen.Elements(0.1, 0.5, 2.0).ToArbitrary(), (points, km) =>
        {
            var lat = points.Select(p => p.Lat).ToArray();
            var lon = points.Select(p => p.Lon).ToArray();
            var distance = km / 6371.0088;
            var limit = Math.Pow(Math.Sin(distance / 2), 2);
            var grid = new TightGrid(lat, lon, distance);
            var around = new int[grid.MaxAround];
            for (var i = 0; i < lat.Length; i++)
            {
                var found = around.AsSpan(0, grid.Around(grid.CellOf[i], around)).ToArray();
                for (var j = 0; j < lat.Length; j++)
                {
                    var reduced = Reduced(lat[i], lon[i], lat[j], lon[j]);
                    if (grid.CellOf[i] == grid.CellOf[j] && reduced > limit)
                    {
                        return false;
                    }
                    if (reduced <= limit && !found.Contains(grid.CellOf[j]))
                    {
                        return false;
                    }
                }
            }
            return true;
        });
}
