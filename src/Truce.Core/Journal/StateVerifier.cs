using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Storage;

namespace Truce.Journal;

/// <summary>A record whose stored state is not what the journal says it should be.</summary>
public sealed record RecordMismatch(string Entity, string Key, string Reason)
{
    public override string ToString() => $"record {Entity}/{Key}: {Reason}";
}

/// <summary>
/// Checks that every table holds exactly what the journal says: each record's columns equal the last
/// journaled state of that record, no record exists that the journal never saw, and none the journal
/// kept has vanished. Together with the chain check this makes a change made directly in the database
/// visible, whoever made it.
/// </summary>
public static class StateVerifier
{
    public static async Task<RecordMismatch?> FirstMismatchAsync(TruceDb db, CancellationToken cancellationToken = default)
    {
        // The last state of each record according to the journal, held as a hash to keep memory small.
        var expected = new Dictionary<(string Entity, string Key), byte[]?>();
        await foreach (var entry in db.Journal.AsNoTracking().OrderBy(e => e.Seq)
            .Select(e => new { e.Entity, e.RecordKey, e.After }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            expected[(entry.Entity, entry.RecordKey)] = entry.After is null ? null : Hash(entry.After);
        }

        var seen = new HashSet<(string, string)>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var type in db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(JournalEntry)).OrderBy(TruceDb.EntityName, StringComparer.Ordinal))
            {
                if (await CheckTableAsync(db, TruceDb.ShapeOf(type), expected, seen, cancellationToken) is { } mismatch)
                {
                    return mismatch;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var vanished = expected.Where(e => e.Value is not null && !seen.Contains(e.Key))
            .OrderBy(e => e.Key.Entity, StringComparer.Ordinal).ThenBy(e => e.Key.Key, StringComparer.Ordinal)
            .Select(e => new RecordMismatch(e.Key.Entity, e.Key.Key, "the journal holds it but the table does not: it was deleted outside Truce"))
            .FirstOrDefault();
        return vanished;
    }

    /// <summary>
    /// Reads the table's rows as the engine holds them, not through the model's lenient materialisation: a
    /// value that parses to the journaled one but is not the bytes Truce wrote (a UUID in another letter
    /// case, which the application's lookups no longer find) is a change made outside Truce.
    /// </summary>
    private static async Task<RecordMismatch?> CheckTableAsync(
        TruceDb db, RecordShape shape, Dictionary<(string, string), byte[]?> expected, HashSet<(string, string)> seen,
        CancellationToken cancellationToken)
    {
        var older = new List<(string Key, object?[] Values)>();
        RecordMismatch? found = null;
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = $"SELECT {string.Join(", ", shape.Columns.Select(c => Quote(c.Name)))} FROM {Quote(shape.Table)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var values = new object?[shape.Columns.Count];
            while (found is null && await reader.ReadAsync(cancellationToken))
            {
                found = CheckRow(reader, shape, values, expected, seen, older);
            }
        }
        // Rows whose hash differs are looked at column by column once the table is read (PostgreSQL runs one command at
        // a time on a connection); they all came before any other mismatch found, so the first of them is named first.
        foreach (var (key, values) in older)
        {
            var after = await db.Journal.AsNoTracking().Where(e => e.Entity == shape.Table && e.RecordKey == key)
                .OrderByDescending(e => e.Seq).Select(e => e.After).FirstAsync(cancellationToken);
            if (ColumnsAddedSince(shape, values, after!) is { } reason)
            {
                return new RecordMismatch(shape.Table, key, reason);
            }
        }
        return found;
    }

    private static RecordMismatch? CheckRow(
        System.Data.Common.DbDataReader reader, RecordShape shape, object?[] values, Dictionary<(string, string), byte[]?> expected,
        HashSet<(string, string)> seen, List<(string Key, object?[] Values)> older)
    {
        (string Column, string Reason)? wrong = null;
        foreach (var column in shape.Columns)
        {
            (values[column.Ordinal], var reason) = StoredValue.Read(reader, column.Ordinal, column);
            if (reason is not null && wrong is null)
            {
                wrong = (column.Name, reason);
            }
        }
        if (wrong is { } bad)
        {
            var shown = shape.Key.All(k => values[k.Ordinal] is not null) ? TruceDb.KeyOf(shape, values) : RawKey(reader, shape);
            return new RecordMismatch(shape.Table, shown, $"its column {bad.Column} {bad.Reason}: it was changed outside Truce");
        }
        var key = TruceDb.KeyOf(shape, values);
        seen.Add((shape.Table, key));
        if (!expected.TryGetValue((shape.Table, key), out var hash))
        {
            return new RecordMismatch(shape.Table, key, "no journal entry records it: it was inserted outside Truce");
        }
        if (hash is null)
        {
            return new RecordMismatch(shape.Table, key, "the journal records it as deleted, but it is in the table");
        }
        if (!hash.AsSpan().SequenceEqual(Hash(TruceDb.Snapshot(shape, values))))
        {
            older.Add((key, (object?[])values.Clone()));
        }
        return null;
    }

    /// <summary>
    /// Why a row differs from its last journal entry, or null when it differs only by columns a later migration added:
    /// an entry written before a migration added a column (evidence attribution, a user's session stamp) lacks it, and
    /// the migration filled the column with its default (null, 0, "", the empty UUID) in every old row. Such a column
    /// must still hold that default; every column the entry has must equal it exactly.
    /// </summary>
    private static string? ColumnsAddedSince(RecordShape shape, object?[] values, string after)
    {
        const string Changed = "it was changed outside Truce";
        using var journaled = JsonDocument.Parse(after);
        using var stored = JsonDocument.Parse(TruceDb.Snapshot(shape, values));
        var added = shape.Sorted.Where(c => !journaled.RootElement.TryGetProperty(c.Name, out _)).ToList();
        if (added.Count == 0 || journaled.RootElement.EnumerateObject().Any(p => !stored.RootElement.TryGetProperty(p.Name, out _)))
        {
            return $"its columns differ from its last journal entry: {Changed}";
        }
        foreach (var property in journaled.RootElement.EnumerateObject())
        {
            if (property.Value.GetRawText() != stored.RootElement.GetProperty(property.Name).GetRawText())
            {
                return $"its column {property.Name} differs from its last journal entry: {Changed}";
            }
        }
        var defaults = (object?[])values.Clone();
        foreach (var column in added)
        {
            defaults[column.Ordinal] = MigrationDefault(column);
        }
        using var filled = JsonDocument.Parse(TruceDb.Snapshot(shape, defaults));
        foreach (var column in added)
        {
            if (filled.RootElement.GetProperty(column.Name).GetRawText() != stored.RootElement.GetProperty(column.Name).GetRawText())
            {
                return $"its column {column.Name}, added after its last journal entry, is not the default the migration gave it: {Changed}";
            }
        }
        return null;
    }

    /// <summary>
    /// What a migration's AddColumn puts in existing rows, as the model reads it back: null for a nullable column, else the
    /// configured default or the stored type's zero ("" for text), through the column's converter (0 ticks on SQLite).
    /// </summary>
    private static object? MigrationDefault(RecordColumn column)
    {
        if (column.Property.IsNullable)
        {
            return null;
        }
        if (column.Property.GetDefaultValue() is { } configured)
        {
            return configured;
        }
        var converter = column.Mapping.Converter;
        var stored = converter?.ProviderClrType ?? column.Property.ClrType;
        object? zero = stored == typeof(string) ? "" : stored.IsValueType ? Activator.CreateInstance(stored) : null;
        return converter is null ? zero : converter.ConvertFromProvider(zero);
    }

    /// <summary>The key as stored, for a row whose key itself is not what Truce wrote.</summary>
    private static string RawKey(System.Data.Common.DbDataReader reader, RecordShape shape) =>
        string.Join('/', shape.Key.Select(k => reader.IsDBNull(k.Ordinal) ? "" : Convert.ToString(reader.GetValue(k.Ordinal), System.Globalization.CultureInfo.InvariantCulture)));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
