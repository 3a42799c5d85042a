using nietras.SeparatedValues;
using Truce.Monitoring;

namespace Truce.Import;

/// <summary>
/// Reads a dataset's CSV row by row (Sep), finding columns by name and skipping an HXL hashtag row after
/// the header. Each row is mapped as soon as it is read, so a file of any size is read in constant memory.
/// </summary>
public static class CsvEvents
{
    /// <summary>The longest row Sep reads (16 MiB); a longer one is almost always a quote left open.</summary>
    private const int MaxRowChars = 16 * 1024 * 1024;

    public static IEnumerable<ImportRow> Read(string path, EventLayout layout, string source, DateTimeOffset now)
    {
        // The API refuses a body that is not UTF-8; so does an import, rather than reading U+FFFD in its place.
        if (FirstInvalidUtf8Line(path) is { } badLine)
        {
            yield return Fatal(badLine, "file", "is not valid UTF-8 here; save the file as UTF-8.");
            yield break;
        }
        // The header is read as a row, not by Sep, so that a duplicate column is reported, not thrown.
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromFile(path);
        if (Next(reader, out var any) is { } unreadable)
        {
            yield return Fatal(1, "row", unreadable);
            yield break;
        }
        if (!any)
        {
            yield return Fatal(1, "file", "is empty: the first line must name the columns.");
            yield break;
        }
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        var width = reader.Current.ColCount;
        for (var i = 0; i < width; i++)
        {
            var name = reader.Current[i].ToString().TrimStart('\uFEFF');
            if (!header.TryAdd(name, i))
            {
                yield return Fatal(1, name, $"the header names this column more than once (columns {header[name] + 1} and {i + 1}).");
                yield break;
            }
        }
        var row = new SourceRow(layout.Columns);
        var missing = layout.RequiredColumns.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            yield return new ImportRow(1, null,
                [.. missing.Select(c => new RowError(1, c, $"the header has no column '{c}'; is this a {layout.Name} file?"))], Fatal: true);
            yield break;
        }
        // Column index in the file → slot in the row, for the columns the layout reads.
        var map = new List<(int Column, int Slot, string Name)>();
        foreach (var column in layout.Columns)
        {
            if (header.TryGetValue(column, out var index) && row.TrySlot(column, out var slot))
            {
                map.Add((index, slot, column));
                row.MarkPresent(column);
            }
        }
        var first = true;
        var line = 1;
        while (true)
        {
            if (Next(reader, out var more) is { } broken)
            {
                yield return Fatal(line + 1, "row", broken);
                yield break;
            }
            if (!more)
            {
                yield break;
            }
            line = reader.Current.LineNumberToExcl - 1;
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

    /// <summary>Moves to the next row (<paramref name="moved"/> false at the end), or says why the file cannot be read on.</summary>
    private static string? Next(SepReader reader, out bool moved)
    {
        moved = false;
        try
        {
            moved = reader.MoveNext();
            return null;
        }
        catch (NotSupportedException)
        {
            return $"is longer than {MaxRowChars / (1024 * 1024)} MiB, the most a row may hold; is a quote left open?";
        }
    }

    private static ImportRow Fatal(int line, string field, string message) => new(line, null, [new RowError(line, field, message)], Fatal: true);

    /// <summary>The line (1-based) holding the first byte sequence that is not UTF-8, or null when the whole file is UTF-8.</summary>
    internal static int? FirstInvalidUtf8Line(string path)
    {
        using var stream = File.OpenRead(path);
        var bytes = new byte[1 << 16];
        var chars = new char[1 << 16];
        var line = 1;
        var carried = 0;
        while (true)
        {
            var read = stream.Read(bytes, carried, bytes.Length - carried);
            var total = carried + read;
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(0, total), chars, out var consumed, out _,
                replaceInvalidSequences: false, isFinalBlock: read == 0);
            line += bytes.AsSpan(0, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return line;
            }
            if (read == 0)
            {
                return null;
            }
            // An incomplete sequence at the end of the chunk is read again with the rest of it.
            carried = total - consumed;
            bytes.AsSpan(consumed, carried).CopyTo(bytes);
        }
    }

    private static ImportRow ReadRow(SepReader.Row cells, SourceRow row, int width, List<(int Column, int Slot, string Name)> map,
        EventLayout layout, string source, DateTimeOffset now)
    {
        var line = cells.LineNumberFrom;
        row.Start(line);
        if (cells.ColCount != width)
        {
            row.Error("row", $"has {cells.ColCount} cells; the header has {width}.");
            return new ImportRow(line, null, row.TakeErrors());
        }
        foreach (var (column, slot, name) in map)
        {
            row.Set(slot, layout.Cell(name, cells[column].ToString()));
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
