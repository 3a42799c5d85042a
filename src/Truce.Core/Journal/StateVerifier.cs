using System.Security.Cryptography;
using System.Text;
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
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", shape.Columns.Select(c => Quote(c.Name)))} FROM {Quote(shape.Table)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new object?[shape.Columns.Count];
        while (await reader.ReadAsync(cancellationToken))
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
                return new RecordMismatch(shape.Table, key, "its columns differ from its last journal entry: it was changed outside Truce");
            }
        }
        return null;
    }

    /// <summary>The key as stored, for a row whose key itself is not what Truce wrote.</summary>
    private static string RawKey(System.Data.Common.DbDataReader reader, RecordShape shape) =>
        string.Join('/', shape.Key.Select(k => reader.IsDBNull(k.Ordinal) ? "" : Convert.ToString(reader.GetValue(k.Ordinal), System.Globalization.CultureInfo.InvariantCulture)));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
