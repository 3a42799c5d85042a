using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Truce.Storage;

namespace Truce.Monitoring;

/// <summary>
/// The party ids a store was found to hold, remembered for at most <see cref="Bound"/>, so that a burst of reports naming
/// the same party costs one query, not one per submission. Only a party found is remembered: an unknown id is looked up
/// every time, so a party just added is known at once. Nothing deletes a party today; if something did, a report could
/// still name it for at most the bound.
/// </summary>
internal sealed class KnownParties
{
    /// <summary>How long a party found is taken to exist without asking the store again.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    // Past this many ids the memory starts again empty (a mission has a handful of parties).
    private const int MaxEntries = 10_000;

    private static readonly ConditionalWeakTable<Store, KnownParties> PerStore = [];

    // Party id -> the instant until which it is taken to exist.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _found = new(StringComparer.Ordinal);

    /// <summary>Whether the store holds a party with this id, from memory when it was found within the bound.</summary>
    public static async Task<bool> ExistsAsync(TruceDb db, string id, CancellationToken cancellationToken)
    {
        if (db.Store is not { } store)
        {
            return await db.Parties.AnyAsync(p => p.Id == id, cancellationToken);
        }
        var known = PerStore.GetValue(store, _ => new KnownParties());
        var now = db.Clock.GetUtcNow();
        if (known._found.TryGetValue(id, out var until) && now < until)
        {
            return true;
        }
        if (!await db.Parties.AnyAsync(p => p.Id == id, cancellationToken))
        {
            known._found.TryRemove(id, out _);
            return false;
        }
        if (known._found.Count >= MaxEntries)
        {
            known._found.Clear();
        }
        known._found[id] = now + Bound;
        return true;
    }
}
