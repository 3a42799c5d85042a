using Npgsql;
using Truce.Storage;

namespace Truce.Tests;

/// <summary>A store of its own for one test: a SQLite file in a temporary folder, or a fresh PostgreSQL database.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _database;

    private TestStore(StoreLocation location, string? folder, string? database)
    {
        Location = location;
        _folder = folder;
        _database = database;
    }

    public StoreLocation Location { get; }

    public static async Task<TestStore> CreateAsync(Engine engine)
    {
        if (engine == Engine.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("truce-test-").FullName;
            return new TestStore(StoreLocation.Resolve(null, folder), folder, null);
        }
        var admin = TestEnvironment.RequirePostgres();
        var database = $"truce_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = database };
        return new TestStore(new StoreLocation(Engine.Postgres, builder.ConnectionString), null, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a background thread; the temporary folder is left for the OS.
            }
        }
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
