namespace Truce.PublicMap;

/// <summary>
/// The public map: the cells shown, and what is not drawn: incidents in cells under the minimum count (withheld) and
/// incidents known less precisely than a cell (not placed). The three add up to every verified public incident.
/// </summary>
public sealed record GridCounts(double EdgeKm, int MinCount, IReadOnlyList<GridCell> Cells, int Withheld, int Unplaced)
{
    public int Total => Cells.Sum(c => c.Count) + Withheld + Unplaced;
}
