using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Trust;

/// <summary>
/// Issue 7, item 13: a refused sign-in stores the same kind of effect whether the name exists or not. A wrong password
/// used to write (the user's failure count, journaled and committed to disk) while an unknown name wrote nothing, which a
/// caller could time, and which told an administrator reading the journal which names were tried.
/// </summary>
public sealed class SignInWriteTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task An_unknown_name_and_a_wrong_password_each_write_one_journaled_row(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var store = await scratch.MigratedAsync();
        await using var db = store.Open();
        Assert.True((await Users.AddAsync(db, "monitor1", Role.Monitor, null, Users.NewPassword())).Succeeded);
        Assert.True((await Users.AddAsync(db, "disabled1", Role.Monitor, null, Users.NewPassword())).Succeeded);
        Assert.True((await Users.SetDisabledAsync(db, "disabled1", true)).Succeeded);

        async Task<long> EntriesWrittenBy(string name, string client = "198.51.100.7")
        {
            var before = await db.Journal.LongCountAsync();
            Assert.Null((await Users.SignInAsync(db, name, "not the password", client)).User);
            return await db.Journal.LongCountAsync() - before;
        }

        var written = new Dictionary<string, long>
        {
            ["wrong password"] = await EntriesWrittenBy("monitor1"),
            ["unknown name"] = await EntriesWrittenBy("nobody"),
            ["unknown name again"] = await EntriesWrittenBy("nobody.else"),
            ["disabled account"] = await EntriesWrittenBy("disabled1"),
        };
        for (var i = 0; i < Users.MaxFailedSignIns; i++)
        {
            await Users.SignInAsync(db, "monitor1", "guess", "192.0.2.5");
        }
        written["locked account"] = await EntriesWrittenBy("monitor1", "192.0.2.5");

        Assert.All(written, w => Assert.True(w.Value == 1, $"{w.Key}: {w.Value} journal entries"));
    }
}
