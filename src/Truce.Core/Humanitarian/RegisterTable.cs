using nietras.SeparatedValues;
using Truce.Import;

namespace Truce.Humanitarian;

/// <summary>
/// A register's CSV file as read: the header's columns, the HXL hashtag row under it when there is one, and each
/// row's cells with its line number. Register files are country- or place-level tables (thousands of rows), so
/// they are read whole; a file that cannot be read is one error naming its line.
/// </summary>
public sealed record RegisterTable(IReadOnlyList<string> Columns, IReadOnlyList<string>? Tags, IReadOnlyList<(int Line, string[] Cells)> Rows)
{
    public static Result<RegisterTable> Read(string path)
    {
        try
        {
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromFile(path);
            List<string>? columns = null;
            List<string>? tags = null;
            var rows = new List<(int, string[])>();
            foreach (var row in reader)
            {
                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = row[i].ToString().Trim();
                }
                var line = row.LineNumberFrom;
                if (columns is null)
                {
                    columns = [.. cells.Select(c => c.TrimStart('\uFEFF'))];
                }
                else if (tags is null && rows.Count == 0 && cells.Any(c => c.StartsWith('#')))
                {
                    tags = [.. cells];
                }
                else if (cells.Any(c => c.Length > 0))
                {
                    rows.Add((line, cells));
                }
            }
            if (columns is null)
            {
                return Invalid(1, "file", "is empty: the first line must name the columns.");
            }
            var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                return Invalid(1, duplicate.Key, "the header names this column more than once.");
            }
            return new RegisterTable(columns, tags, rows);
        }
        catch (FormatException e)
        {
            return Invalid(0, "file", $"cannot be read as CSV: {e.Message}");
        }
    }

    /// <summary>The index of a column, or -1.</summary>
    public int Column(string name) => Columns.ToList().IndexOf(name);

    /// <summary>The columns among <paramref name="required"/> that the header lacks.</summary>
    public IEnumerable<string> Missing(params string[] required) => required.Where(c => Column(c) < 0);

    public static string Cell(string[] cells, int column) => column >= 0 && column < cells.Length ? cells[column] : "";

    public static Failure Refusal(IReadOnlyList<RowError> errors) => new(FailureKind.Invalid,
        $"The file has {errors.Select(e => e.Line).Distinct().Count()} bad line(s); nothing was imported.",
        errors.GroupBy(e => $"line {e.Line}: {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    private static Failure Invalid(int line, string field, string message) => Refusal([new RowError(line, field, message)]);
}
