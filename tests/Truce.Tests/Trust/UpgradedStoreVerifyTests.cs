using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Journal;
using Truce.Storage;

namespace Truce.Tests.Trust;

/// <summary>
/// Issue 7: a store upgraded across a migration that added a column to journaled rows (a user's session stamp,
/// evidence attribution). Entries written before it lack the column, which the migration filled with its default.
/// </summary>
public sealed class UpgradedStoreVerifyTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_row_journaled_before_a_column_was_added_verifies_and_a_later_edit_of_that_column_is_caught(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var store = await scratch.MigratedAsync();
        await using var db = store.Open();
        var user = (await Users.AddAsync(db, "old.monitor", Role.Monitor, null, Users.NewPassword())).Value!;
        Assert.Null(await StateVerifier.FirstMismatchAsync(db));

        // The shape the row and its entry had before the migration that added session_stamp: the entry has no such
        // column, and the migration's AddColumn gave the row its default, "".
        var last = await db.Journal.AsNoTracking().Where(e => e.Entity == "users" && e.RecordKey == user.Id.ToString())
            .OrderByDescending(e => e.Seq).FirstAsync();
        var old = JsonNode.Parse(last.After!)!.AsObject();
        Assert.True(old.Remove("session_stamp"));
        await db.Journal.Where(e => e.Seq == last.Seq).ExecuteUpdateAsync(s => s.SetProperty(e => e.After, old.ToJsonString()));
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SessionStamp, ""));

        var upgraded = await StateVerifier.FirstMismatchAsync(db);

        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SessionStamp, "forged-stamp"));
        var forged = await StateVerifier.FirstMismatchAsync(db);

        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SessionStamp, "").SetProperty(u => u.Role, Role.Administrator));
        var promoted = await StateVerifier.FirstMismatchAsync(db);

        Assert.Null(upgraded);
        Assert.NotNull(forged);
        Assert.Equal($"users/{user.Id}", $"{forged.Entity}/{forged.Key}");
        Assert.Contains("session_stamp", forged.Reason, StringComparison.Ordinal);
        Assert.NotNull(promoted);
        Assert.Contains("role", promoted.Reason, StringComparison.Ordinal);
    }
}
