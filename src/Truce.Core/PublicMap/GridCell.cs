namespace Truce.PublicMap;

/// <summary>One square of the public map: its row and column in the grid, its bounds in degrees, and how many verified incidents it holds.</summary>
public sealed record GridCell(int Row, int Column, double South, double West, double North, double East, int Count);
