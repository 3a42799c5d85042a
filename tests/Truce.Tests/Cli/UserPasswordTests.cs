using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Cli;

/// <summary>`truce user password NAME`: how an administrator resets a password, and signs in as a demo user.</summary>
public sealed class UserPasswordTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_reset_prints_a_new_password_once_the_old_one_stops_working_and_the_change_is_journaled(Engine engine)
    {
        await using var store = await ScratchStore.CreateAsync(engine);
        var db = store.Location.ConnectionString;
        var add = await Cli.RunAsync("user", "add", "analyst.kim", "--role", "analyst", "--db", db);
        var old = add.Output.Split("Password (shown once): ")[1].Trim();

        var reset = await Cli.RunAsync("user", "password", "analyst.kim", "--db", db);

        Assert.True(reset.ExitCode == 0, reset.Error);
        Assert.Contains("Set a new password for analyst 'analyst.kim'.", reset.Output, StringComparison.Ordinal);
        var password = reset.Output.Split("Password (shown once): ")[1].Trim();
        Assert.NotEqual(old, password);
        await using var context = new Store(store.Location, TimeProvider.System).Open();
        Assert.Null((await Users.SignInAsync(context, "analyst.kim", old, "test client")).User);
        Assert.NotNull((await Users.SignInAsync(context, "analyst.kim", password, "test client")).User);
        var journaled = await context.Journal.AsNoTracking().Where(e => e.Entity == "users" && e.Action == "update").Select(e => e.After).ToListAsync();
        Assert.NotEmpty(journaled);
        Assert.DoesNotContain(journaled, after => after!.Contains(password, StringComparison.Ordinal));
        Assert.Equal(0, (await Cli.RunAsync("verify", "--db", db)).ExitCode);
    }

    [Fact]
    public async Task A_reset_lifts_a_lockout()
    {
        await using var store = await ScratchStore.CreateAsync(Engine.Sqlite);
        var db = store.Location.ConnectionString;
        await Cli.RunAsync("user", "add", "monitor.one", "--role", "monitor", "--db", db);
        await using (var context = new Store(store.Location, TimeProvider.System).Open())
        {
            for (var i = 0; i < Users.MaxFailedSignIns; i++)
            {
                await Users.SignInAsync(context, "monitor.one", "not the password", "test client");
            }
        }

        var reset = await Cli.RunAsync("user", "password", "monitor.one", "--db", db);

        var password = reset.Output.Split("Password (shown once): ")[1].Trim();
        await using var after = new Store(store.Location, TimeProvider.System).Open();
        Assert.NotNull((await Users.SignInAsync(after, "monitor.one", password, "test client")).User);
    }

    [Fact]
    public async Task An_unknown_user_is_refused_with_exit_3_naming_it()
    {
        await using var store = await ScratchStore.CreateAsync(Engine.Sqlite);

        var run = await Cli.RunAsync("user", "password", "nobody.here", "--db", store.Location.ConnectionString);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("name: no user is named 'nobody.here'", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_password_read_from_stdin_is_set_and_not_echoed_and_a_short_one_is_refused()
    {
        await using var store = await ScratchStore.CreateAsync(Engine.Sqlite);
        await Cli.RunAsync("user", "add", "monitor.one", "--role", "monitor", "--db", store.Location.ConnectionString);
        await using var truce = new TruceServer(store.Location);
        var cancellation = TestContext.Current.CancellationToken;

        var chosen = await truce.RunVerbAsync(["user", "password", "monitor.one", "--password-stdin"], "a-password-I-chose", cancellation);
        var tooShort = await truce.RunVerbAsync(["user", "password", "monitor.one", "--password-stdin"], "short", cancellation);

        Assert.True(chosen.ExitCode == 0, chosen.Output);
        Assert.DoesNotContain("a-password-I-chose", chosen.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("shown once", chosen.Output, StringComparison.Ordinal);
        Assert.Equal(3, tooShort.ExitCode);
        Assert.Contains("password: must be at least 10 characters", tooShort.Output, StringComparison.Ordinal);
        await using var context = new Store(store.Location, TimeProvider.System).Open();
        Assert.NotNull((await Users.SignInAsync(context, "monitor.one", "a-password-I-chose", "test client")).User);
    }
}
