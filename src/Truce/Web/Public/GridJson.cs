using Truce.PublicMap;

namespace Truce.Web;

/// <summary>
/// The public map as GeoJSON (RFC 7946): one Polygon feature per shown cell with its count; what is not drawn (withheld,
/// not placed) and the grid's settings are foreign members of the collection.
/// </summary>
internal sealed record GridJson(IReadOnlyList<GridJson.Cell> Features, double CellKm, int MinCount, int Withheld, int Unplaced, int Total)
{
    public string Type { get; } = "FeatureCollection";

    public sealed record Polygon(double[][][] Coordinates)
    {
        public string Type { get; } = "Polygon";
    }

    public sealed record Cell(string Id, Polygon Geometry, CellProperties Properties)
    {
        public string Type { get; } = "Feature";
    }

    public sealed record CellProperties(int Count);

    public static GridJson From(GridCounts grid) => new(
        [.. grid.Cells.Select(c => new Cell($"{c.Row}:{c.Column}", new Polygon([[
            [c.West, c.South], [c.East, c.South], [c.East, c.North], [c.West, c.North], [c.West, c.South]]]), new CellProperties(c.Count)))],
        grid.EdgeKm, grid.MinCount, grid.Withheld, grid.Unplaced, grid.Total);
}
