using nietras.SeparatedValues;
using Truce.Monitoring;

namespace Truce.Import;

/// <summary>
/// Reads a dataset's CSV row by row (Sep), finding columns by name and skipping an HXL hashtag row after
/// the header. Each row is mapped as soon as it is read, so a file of any size is read in constant memory.
/// </summary>
public static class CsvEvents
{
    public static IEnumerable<ImportRow> Read(string path, EventLayout layout, string source, DateTimeOffset now)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var row = new SourceRow(layout.Columns);
        var header = reader.Header;
        var missing = layout.RequiredColumns.Where(c => !header.TryIndexOf(c, out _)).ToList();
        if (missing.Count > 0)
        {
            yield return new ImportRow(1, null,
                [.. missing.Select(c => new RowError(1, c, $"the header has no column '{c}'; is this a {layout.Name} file?"))], Fatal: true);
            yield break;
        }
        // Column index in the file → slot in the row, for the columns the layout reads.
        var map = new List<(int Column, int Slot)>();
        foreach (var column in layout.Columns)
        {
            if (header.TryIndexOf(column, out var index) && row.TrySlot(column, out var slot))
            {
                map.Add((index, slot));
                row.MarkPresent(column);
            }
        }
        var width = header.ColNames.Count;
        var first = true;
        while (reader.MoveNext())
        {
            if (first)
            {
                first = false;
                if (IsHxlRow(reader.Current))
                {
                    continue;
                }
            }
            yield return ReadRow(reader.Current, row, width, map, layout, source, now);
        }
    }

    private static ImportRow ReadRow(SepReader.Row cells, SourceRow row, int width, List<(int Column, int Slot)> map,
        EventLayout layout, string source, DateTimeOffset now)
    {
        var line = cells.LineNumberFrom;
        row.Start(line);
        if (cells.ColCount != width)
        {
            row.Error("row", $"has {cells.ColCount} cells; the header has {width}.");
            return new ImportRow(line, null, row.TakeErrors());
        }
        foreach (var (column, slot) in map)
        {
            row.Set(slot, cells[column].ToString());
        }
        var observation = layout.Map(row, source, now);
        return new ImportRow(line, row.Errors.Count == 0 ? observation : null, row.TakeErrors());
    }

    /// <summary>HXL puts hashtags (#date, #geo+lat) in the row under the header; every non-empty cell of it starts with '#'.</summary>
    private static bool IsHxlRow(SepReader.Row cells)
    {
        var any = false;
        for (var i = 0; i < cells.ColCount; i++)
        {
            var cell = cells[i].Span.Trim();
            if (cell.IsEmpty)
            {
                continue;
            }
            if (cell[0] != '#')
            {
                return false;
            }
            any = true;
        }
        return any;
    }
}
