namespace Truce.Geo;

/// <summary>A range of cells over a span of time: where and when to look for one record's neighbours.</summary>
public readonly record struct CellWindow(CellRange Cells, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Above every stored cell (seven characters of the geohash alphabet): the end of an open range.</summary>
    public const string End = "zzzzzzzz";

    public string CellsTo => Cells.To ?? End;
}
