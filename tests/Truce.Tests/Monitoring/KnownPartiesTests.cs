using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Tests.Monitoring;

/// <summary>Issue 14: the party a report names is looked up once per <see cref="KnownParties.Bound"/>, not once per submission.</summary>
public sealed class KnownPartiesTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_party_found_is_remembered_up_to_the_bound_and_an_unknown_one_is_asked_every_time(Engine engine)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero));
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var store = await scratch.MigratedAsync(clock);
        await using (var db = store.Open())
        {
            db.Parties.Add(new Party { Id = "west", Name = "West" });
            await db.SaveChangesAsync();
        }

        await using var check = store.Open();
        Assert.True(await KnownParties.ExistsAsync(check, "west", CancellationToken.None));
        Assert.False(await KnownParties.ExistsAsync(check, "east", CancellationToken.None));
        // Gone from the store behind the cache's back (nothing in the product deletes a party): still known within the bound.
        await check.Parties.Where(p => p.Id == "west").ExecuteDeleteAsync();
        clock.Advance(KnownParties.Bound - TimeSpan.FromMilliseconds(1));
        Assert.True(await KnownParties.ExistsAsync(check, "west", CancellationToken.None));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await KnownParties.ExistsAsync(check, "west", CancellationToken.None));

        // An id not found is never remembered: added now, known at once.
        check.Parties.Add(new Party { Id = "east", Name = "East" });
        await check.SaveChangesAsync();
        Assert.True(await KnownParties.ExistsAsync(check, "east", CancellationToken.None));
    }
}
