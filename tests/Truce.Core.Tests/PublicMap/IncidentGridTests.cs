using Truce.PublicMap;

namespace Truce.Core.Tests.PublicMap;

/// <summary>The public map's counts against points placed by hand in known 10 km cells (10 km = 0.0898311° of latitude).</summary>
public sealed class IncidentGridTests
{
    [Fact]
    public void Incidents_are_counted_per_cell_and_a_cell_under_the_minimum_is_withheld()
    {
        // Worked out by hand (and checked in Python): row 443 spans 39.7952°–39.8850° N; at its middle latitude a 10 km column
        // is 0.116993° of longitude wide, so column 399 spans 46.6801°–46.7971° E and column 400 46.7971°–46.9141° E.
        (double, double, int)[] incidents =
        [
            (39.80, 46.70, 5000), (39.88, 46.73, 5000), (39.84, 46.79, 100), // three in (443, 399)
            (39.81, 46.80, 5000), (39.85, 46.90, 5000), // two in (443, 400): under the minimum of three
            (39.70, 46.70, 5000), // one in row 441
            (39.84, 46.70, 20_000), // a province-sized position: known less precisely than a cell
        ];

        var grid = IncidentGrid.Aggregate(incidents, 10, 3);

        var cell = Assert.Single(grid.Cells);
        Assert.Equal((443, 399, 3), (cell.Row, cell.Column, cell.Count));
        Assert.Equal(39.7952, cell.South, 4);
        Assert.Equal(39.8850, cell.North, 4);
        Assert.Equal(46.6801, cell.West, 4);
        Assert.Equal(46.7971, cell.East, 4);
        Assert.Equal(3, grid.Withheld);
        Assert.Equal(1, grid.Unplaced);
        Assert.Equal(incidents.Length, grid.Total);
    }

    [Fact]
    public void With_a_minimum_of_one_every_cell_is_shown()
    {
        var grid = IncidentGrid.Aggregate([(39.80, 46.62, 5000), (39.81, 46.74, 5000), (-33.9, 18.4, 5000)], 10, 1);

        Assert.Equal([1, 1, 1], grid.Cells.Select(c => c.Count));
        Assert.Equal(0, grid.Withheld);
        Assert.True(grid.Cells[0].South < 0, "the southern hemisphere's cell comes first, by row");
    }
}
