using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(JournalEntry)).OrderBy(TruceDb.EntityName, StringComparer.Ordinal))
        {
            var mismatch = await (Task<RecordMismatch?>)typeof(StateVerifier)
                .GetMethod(nameof(CheckTableAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type.ClrType)
                .Invoke(null, [db, type, expected, seen, cancellationToken])!;
            if (mismatch is not null)
            {
                return mismatch;
            }
        }
        var vanished = expected.Where(e => e.Value is not null && !seen.Contains(e.Key))
            .OrderBy(e => e.Key.Entity, StringComparer.Ordinal).ThenBy(e => e.Key.Key, StringComparer.Ordinal)
            .Select(e => new RecordMismatch(e.Key.Entity, e.Key.Key, "the journal holds it but the table does not: it was deleted outside Truce"))
            .FirstOrDefault();
        return vanished;
    }

    private static async Task<RecordMismatch?> CheckTableAsync<T>(
        TruceDb db, IEntityType type, Dictionary<(string, string), byte[]?> expected, HashSet<(string, string)> seen,
        CancellationToken cancellationToken) where T : class
    {
        var entity = TruceDb.EntityName(type);
        await foreach (var row in db.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var values = db.Entry(row).CurrentValues;
            var key = TruceDb.KeyOf(type, values);
            seen.Add((entity, key));
            if (!expected.TryGetValue((entity, key), out var hash))
            {
                return new RecordMismatch(entity, key, "no journal entry records it: it was inserted outside Truce");
            }
            if (hash is null)
            {
                return new RecordMismatch(entity, key, "the journal records it as deleted, but it is in the table");
            }
            if (!hash.AsSpan().SequenceEqual(Hash(TruceDb.Snapshot(type, values))))
            {
                return new RecordMismatch(entity, key, "its columns differ from its last journal entry: it was changed outside Truce");
            }
        }
        return null;
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
