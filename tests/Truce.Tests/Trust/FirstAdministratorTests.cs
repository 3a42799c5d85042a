using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Truce.Access;
using Truce.Storage;
using Truce.Web;

namespace Truce.Tests.Trust;

/// <summary>Issue 7, item 14: the first administrator's password reaches a person at a terminal, never a kept log.</summary>
public sealed class FirstAdministratorTests
{
    [Fact]
    public async Task Without_a_terminal_the_password_goes_to_an_owner_only_file_that_signs_in()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var file = Path.Combine(app.DataFolder, StartupTasks.FirstAdministratorPasswordFile);

        Assert.True(File.Exists(file), "no password file was written");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        var password = (await File.ReadAllLinesAsync(file)).Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];
        await using var db = app.Store.Open();
        Assert.NotNull((await Users.SignInAsync(db, "admin", password, "203.0.113.1")).User);
    }

    [Fact]
    public async Task At_a_terminal_the_password_is_printed_and_no_file_is_written()
    {
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite);
        var data = Directory.CreateTempSubdirectory("truce-admin-").FullName;
        try
        {
            var settings = TruceSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Db"] = scratch.Location.ConnectionString, ["Data"] = data,
            }).Build());
            var store = new Store(settings.Store, TimeProvider.System);
            using var terminal = new StringWriter();
            var tasks = new StartupTasks(store, settings, new StartupConsole(terminal, Interactive: true), NullLogger<StartupTasks>.Instance);

            await tasks.StartAsync(CancellationToken.None);

            var printed = terminal.ToString();
            Assert.Contains("user:     admin", printed, StringComparison.Ordinal);
            var password = printed.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];
            Assert.False(File.Exists(Path.Combine(data, StartupTasks.FirstAdministratorPasswordFile)));
            await using var db = store.Open();
            Assert.NotNull((await Users.SignInAsync(db, "admin", password, "203.0.113.1")).User);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
