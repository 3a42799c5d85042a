using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Cli;

public sealed class CliTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Migrate_then_add_a_user_and_a_token_that_authenticates(Engine engine)
    {
        await using var store = await ScratchStore.CreateAsync(engine);
        var db = store.Location.ConnectionString;

        var migrate = await Cli.RunAsync("migrate", "--db", db);
        var again = await Cli.RunAsync("migrate", "--db", db);
        var add = await Cli.RunAsync("user", "add", "analyst.kim", "--role", "analyst", "--db", db);
        var token = await Cli.RunAsync("token", "create", "--user", "analyst.kim", "--days", "7", "--db", db);

        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("Applied 3 migration", migrate.Output, StringComparison.Ordinal);
        Assert.Contains("up to date", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, add.ExitCode);
        var password = add.Output.Split("Password (shown once): ")[1].Trim();
        Assert.Equal(0, token.ExitCode);
        var secret = token.Output.Trim();
        Assert.StartsWith("truce_", secret, StringComparison.Ordinal);

        var opened = new Store(store.Location, TimeProvider.System);
        await using var context = opened.Open();
        Assert.NotNull((await Users.SignInAsync(context, "analyst.kim", password)).User);
        var owner = await Users.ViewerFromTokenAsync(context, secret);
        Assert.Equal("analyst.kim", owner?.Name);
        Assert.Equal(Role.Analyst, owner?.Role);
        Assert.False(owner?.ReadOnly);
        Assert.False(await context.ApiTokens.AnyAsync(t => t.TokenHash == secret), "only the token's hash is stored");
    }

    [Fact]
    public async Task A_liaison_needs_a_party_and_the_refusal_names_it()
    {
        await using var store = await ScratchStore.CreateAsync(Engine.Sqlite);
        var db = store.Location.ConnectionString;
        await Cli.RunAsync("migrate", "--db", db);

        var run = await Cli.RunAsync("user", "add", "liaison1", "--role", "liaison", "--db", db);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("party:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_is_a_usage_error_listing_the_roles()
    {
        var run = await Cli.RunAsync("user", "add", "someone", "--role", "general");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("analyst", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-verb")]
    [InlineData("verify", "--no-such-flag")]
    [InlineData("user", "add", "someone")]
    [InlineData("user", "password")]
    [InlineData("token", "create", "--user", "someone", "--days", "soon")]
    [InlineData("import", "ucdp")]
    public async Task A_bad_command_line_exits_2_and_says_what_is_wrong(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEqual("", run.Error.Trim());
    }

    [Fact]
    public async Task Import_and_user_add_on_a_new_data_folder_create_the_store()
    {
        var parent = Directory.CreateTempSubdirectory("truce-cli-").FullName;
        var folder = Path.Combine(parent, "new-mission");
        try
        {
            var import = await Cli.RunAsync("import", "ucdp", Truce.Tests.Import.ImportFiles.Azerbaijan, "--data", folder);
            var add = await Cli.RunAsync("user", "add", "analyst.kim", "--role", "analyst", "--data", folder);
            var verify = await Cli.RunAsync("verify", "--data", folder);

            Assert.True(import.ExitCode == 0, import.Error);
            Assert.Contains("3 imported", import.Output, StringComparison.Ordinal);
            Assert.Contains("up to date: applied 3 migration", import.Error, StringComparison.Ordinal);
            Assert.True(add.ExitCode == 0, add.Error);
            Assert.DoesNotContain("migration", add.Error, StringComparison.Ordinal);
            Assert.True(verify.ExitCode == 0, verify.Error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(parent, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Every_store_verb_on_an_empty_database_creates_the_schema_instead_of_refusing(Engine engine)
    {
        await using var store = await ScratchStore.CreateAsync(engine);
        var db = store.Location.ConnectionString;

        var list = await Cli.RunAsync("token", "list", "--db", db);
        var export = await Cli.RunAsync("export", "csv", "--db", db);

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains("applied 3 migration", list.Error, StringComparison.Ordinal);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains(",", export.Output.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("migration", export.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100000000")]
    [InlineData("36501")]
    [InlineData("-1")]
    public async Task A_token_lifetime_out_of_range_is_refused_with_exit_3_naming_days(string days)
    {
        await using var store = await ScratchStore.CreateAsync(Engine.Sqlite);
        var db = store.Location.ConnectionString;
        await Cli.RunAsync("user", "add", "analyst.kim", "--role", "analyst", "--db", db);

        var run = await Cli.RunAsync("token", "create", "--user", "analyst.kim", "--days", days, "--db", db);
        var longest = await Cli.RunAsync("token", "create", "--user", "analyst.kim", "--days", "36500", "--db", db);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("--days: must be 0 (never expires) to 36500", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.True(longest.ExitCode == 0, longest.Error);
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_of_error_not_a_stack_trace()
    {
        var run = await Cli.RunAsync("migrate", "--db", "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("migrate")]
    [InlineData("verify")]
    [InlineData("user", "add")]
    [InlineData("token", "create")]
    [InlineData("demo")]
    public async Task Every_verb_has_help_naming_the_store_flags(params string[] verb)
    {
        var run = await Cli.RunAsync([.. verb, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--data", run.Output, StringComparison.Ordinal);
        Assert.Contains("--db", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task The_demo_loads_once_and_its_journal_verifies(Engine engine)
    {
        await using var store = await ScratchStore.CreateAsync(engine);
        var db = store.Location.ConnectionString;

        var demo = await Cli.RunAsync("demo", "--db", db);
        var again = await Cli.RunAsync("demo", "--db", db);
        var verify = await Cli.RunAsync("verify", "--db", db);

        Assert.Equal(0, demo.ExitCode);
        Assert.Equal(3, again.ExitCode);
        Assert.Equal(0, verify.ExitCode);
    }
}
