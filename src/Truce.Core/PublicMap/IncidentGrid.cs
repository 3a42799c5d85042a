namespace Truce.PublicMap;

/// <summary>
/// The public map's counts: incidents aggregated to squares of a configurable edge, so that the map shows where
/// violations happen without pointing at any one of them. Rows are bands of equal latitude (edge / 111.32 km per degree);
/// within a band, columns are as wide in degrees as the edge is in kilometres at the band's middle latitude, so a cell
/// is close to square anywhere. A cell with fewer incidents than the minimum is withheld (counted, not drawn), and an
/// incident known less precisely than a cell is counted as not placed rather than put in a cell it may not be in.
/// </summary>
public static class IncidentGrid
{
    private const double KmPerDegree = 111.32;

    public static GridCounts Aggregate(IEnumerable<(double Latitude, double Longitude, int PrecisionM)> incidents, double edgeKm, int minCount)
    {
        var latStep = edgeKm / KmPerDegree;
        var counts = new Dictionary<(int Row, int Column), int>();
        var unplaced = 0;
        foreach (var (lat, lon, precision) in incidents)
        {
            if (precision > edgeKm * 1000)
            {
                unplaced++;
                continue;
            }
            var key = CellOf(lat, lon, latStep);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var shown = counts.Where(c => c.Value >= minCount)
            .Select(c => Bounds(c.Key.Row, c.Key.Column, latStep, c.Value))
            .OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        return new GridCounts(edgeKm, minCount, shown, counts.Where(c => c.Value < minCount).Sum(c => c.Value), unplaced);
    }

    private static (int Row, int Column) CellOf(double latitude, double longitude, double latStep)
    {
        var row = (int)Math.Floor(latitude / latStep);
        var column = (int)Math.Floor(longitude / LonStep(row, latStep));
        return (row, column);
    }

    /// <summary>The width of a row's cells in degrees of longitude: the edge at the row's middle latitude (kept finite near the poles).</summary>
    private static double LonStep(int row, double latStep)
    {
        var middle = (row + 0.5) * latStep;
        return latStep / Math.Max(0.01, Math.Cos(middle * Math.PI / 180));
    }

    private static GridCell Bounds(int row, int column, double latStep, int count)
    {
        var lonStep = LonStep(row, latStep);
        return new GridCell(row, column, Math.Round(row * latStep, 6), Math.Round(column * lonStep, 6),
            Math.Round((row + 1) * latStep, 6), Math.Round((column + 1) * lonStep, 6), count);
    }
}
