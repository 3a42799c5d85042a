using System.Runtime.Versioning;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Trust;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>Issue 7, item 14: what Truce creates on disk is its user's alone, whatever the umask would give.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class FileModeTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_store_its_wal_and_shm_files_and_the_data_folder_are_owner_only()
    {
        await InFreshFolderAsync(async parent =>
        {
            var data = Path.Combine(parent, "fresh", "truce-data");
            var store = new Store(StoreLocation.Resolve(null, data), TimeProvider.System);
            await store.MigrateAsync();
            await using (var db = store.Open())
            {
                // Held open, so that SQLite's -wal and -shm files exist while they are looked at.
                await db.Database.OpenConnectionAsync();
                Assert.True((await Users.AddAsync(db, "monitor1", Role.Monitor, null, Users.NewPassword())).Succeeded);
                foreach (var name in new[] { "truce.db", "truce.db-wal", "truce.db-shm" })
                {
                    var path = Path.Combine(data, name);
                    Assert.True(System.IO.File.Exists(path), $"{name} does not exist");
                    Assert.Equal(File, System.IO.File.GetUnixFileMode(path));
                }
            }
            Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
            Assert.Equal(Folder, System.IO.File.GetUnixFileMode(Path.GetDirectoryName(data)!));
        });
    }

    [Fact]
    public async Task Truce_migrate_and_the_journal_key_make_owner_only_files_in_a_fresh_data_folder()
    {
        await InFreshFolderAsync(async parent =>
        {
            var data = Path.Combine(parent, "truce-data");
            var migrated = await Cli.RunAsync("migrate", "--data", data);
            var key = await Cli.RunAsync("journal", "key", "--data", data);

            Assert.True(migrated.ExitCode == 0, migrated.Error);
            Assert.True(key.ExitCode == 0, key.Error);
            Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
            Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "truce.db")));
            Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "journal-signing.key")));
        });
    }

    [Fact]
    public async Task The_servers_data_folder_and_its_keys_folder_are_owner_only_when_the_server_creates_them()
    {
        await InFreshFolderAsync(async parent =>
        {
            var data = Path.Combine(parent, "truce-data");
            await using (var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["Data"] = data }))
            {
                // A page that sets an antiforgery cookie makes the server write its first DataProtection key.
                Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateClient().GetAsync("/login")).StatusCode);
            }
            Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
            Assert.Equal(Folder, System.IO.File.GetUnixFileMode(Path.Combine(data, "keys")));
            Assert.All(Directory.GetFiles(Path.Combine(data, "keys")), f => Assert.Equal(File, System.IO.File.GetUnixFileMode(f)));
        });
    }

    /// <summary>Runs a test in a new temporary folder, removed afterwards with the store's pooled connections.</summary>
    private static async Task InFreshFolderAsync(Func<string, Task> test)
    {
        var parent = Directory.CreateTempSubdirectory("truce-modes-").FullName;
        try
        {
            await test(parent);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(parent, recursive: true);
        }
    }
}
