using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Core.Tests.Storage;

/// <summary>Issue 14: when the writer falls behind, a submission is refused at once, never queued without bound.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Past_the_bound_records_are_refused_at_once_and_every_accepted_one_is_stored_and_journaled()
    {
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite);
        var store = await scratch.MigratedAsync();
        const int waiting = 8;
        var commits = new GroupCommit(store, waiting);

        // A burst far faster than any commit: the writer takes at most one batch while the queue holds `waiting`.
        var burst = Enumerable.Range(0, 600)
            .Select(i => (Id: $"burst{i}", Accepted: commits.InsertAsync(new Party { Id = $"burst{i}", Name = $"Burst {i}" }, Viewer.System)))
            .ToList();
        await Task.WhenAll(burst.Select(b => b.Accepted));

        var accepted = burst.Where(b => b.Accepted.Result == CommitOutcome.Inserted).Select(b => b.Id).ToHashSet();
        var refused = burst.Count - accepted.Count;
        Assert.InRange(accepted.Count, waiting, waiting + GroupCommit.MaxBatch);
        Assert.True(refused > 0);
        await using var db = store.Open();
        var stored = await db.Parties.Where(p => p.Id.StartsWith("burst")).Select(p => p.Id).ToListAsync();
        Assert.Equal(accepted.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.Equal(accepted.Count, await db.Journal.CountAsync(e => e.RecordKey.StartsWith("burst")));

        // Once the queue has drained, it takes records again.
        Assert.Equal(CommitOutcome.Inserted, await commits.InsertAsync(new Party { Id = "after", Name = "After" }, Viewer.System));
    }
}
