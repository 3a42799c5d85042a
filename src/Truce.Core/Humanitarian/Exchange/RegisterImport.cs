using Truce.Access;
using Truce.Import;
using Truce.Storage;

namespace Truce.Humanitarian;

/// <summary>
/// Imports a register's CSV, with or without its HXL hashtag row, in one transaction: every row is recorded by the
/// register's Core function (the API's rules), and any refused row, any hashtag that does not match its column, rolls
/// the whole file back: nothing half-imported. An export of Truce reads back as the same records.
/// </summary>
public static class RegisterImport
{
    public static async Task<Result<RegisterImportSummary>> RunAsync(Store store, Viewer actor, RegisterName register, string path, bool requireTags,
        CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        var read = RegisterTable.Read(path);
        if (read.Failure is { } unreadable)
        {
            return unreadable;
        }
        var table = read.Value!;
        var layout = RegisterLayout.Columns(register);
        var errors = Header(table, layout, requireTags);
        if (errors.Count > 0)
        {
            return new RegisterImportSummary(table.Rows.Count, 0, 0, errors);
        }
        await using var db = store.Open(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (added, existing) = (0, 0);
        foreach (var (line, cells) in table.Rows)
        {
            var row = new RegisterRow(table, layout, cells);
            var recorded = await RegisterLayout.RecordAsync(db, actor, register, row, cancellationToken);
            db.ChangeTracker.Clear();
            if (recorded.Failure is { } failure)
            {
                errors.AddRange(failure.Errors.Count == 0
                    ? [new RowError(line, "row", failure.Title)]
                    : failure.Errors.SelectMany(e => e.Value.Select(message => new RowError(line, e.Key, message))));
                continue;
            }
            if (recorded.Value)
            {
                existing++;
            }
            else
            {
                added++;
            }
        }
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new RegisterImportSummary(table.Rows.Count, 0, 0, errors);
        }
        await transaction.CommitAsync(cancellationToken);
        return new RegisterImportSummary(table.Rows.Count, added, existing, []);
    }

    /// <summary>
    /// The header's problems: no id column; with a hashtag row, a column whose hashtag is not
    /// the register's (compared as HXL does: case and the order of attributes do not matter), or a hashtag row longer
    /// than the header. Columns the register does not know are passed over.
    /// </summary>
    private static List<RowError> Header(RegisterTable table, IReadOnlyList<RegisterColumn> layout, bool requireTags)
    {
        var errors = new List<RowError>();
        // Only the id is needed to tell the rows apart; any other missing column is a missing field, named on each row by the register's rules.
        if (table.Column("id") < 0)
        {
            errors.Add(new RowError(1, "id", $"the header has no column 'id'; the register's columns are {string.Join(", ", layout.Select(c => c.Name))}."));
        }
        if (table.Tags is not { } tags)
        {
            if (requireTags)
            {
                errors.Add(new RowError(2, "file", "has no HXL hashtag row under the header."));
            }
            return errors;
        }
        for (var i = 0; i < Math.Max(tags.Count, table.Columns.Count); i++)
        {
            var column = i < table.Columns.Count ? table.Columns[i] : $"column {i + 1}";
            var tag = i < tags.Count ? tags[i] : "";
            if (i >= table.Columns.Count && tag.Length > 0)
            {
                errors.Add(new RowError(2, column, $"the hashtag '{tag}' has no column in the header."));
            }
            else if (layout.FirstOrDefault(c => c.Name == column) is { } known && Normal(tag) != Normal(known.Hxl))
            {
                errors.Add(new RowError(2, column, $"the hashtag '{tag}' does not match the column '{column}': expected '{known.Hxl}'."));
            }
        }
        return errors;
    }

    /// <summary>An HXL hashtag with its attributes in a fixed order, lower case: #Geo +Lat and #geo+lat are the same.</summary>
    private static string Normal(string tag)
    {
        var parts = tag.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant().Split('+');
        return string.Join('+', parts.Take(1).Concat(parts.Skip(1).Order(StringComparer.Ordinal)));
    }
}
