using Npgsql;
using Truce.Storage;

namespace Truce.Testing;

/// <summary>
/// A store made for one test or benchmark run and removed after it: a SQLite file in a temporary folder, or a
/// new PostgreSQL database on an admin connection. The schema is created by <see cref="MigratedAsync"/>, or by the
/// caller's own first step (the CLI's migrate, a server's start).
/// </summary>
public sealed class ScratchStore : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _admin;
    private readonly string? _database;

    private ScratchStore(StoreLocation location, string? folder, string? admin, string? database)
    {
        Location = location;
        _folder = folder;
        _admin = admin;
        _database = database;
    }

    public StoreLocation Location { get; }

    /// <summary>A store on this location with its schema created, keeping time by <paramref name="clock"/> (the system's by default).</summary>
    public async Task<Store> MigratedAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var store = new Store(Location, clock ?? TimeProvider.System);
        await store.MigrateAsync(cancellationToken);
        return store;
    }

    /// <summary>SQLite without <paramref name="postgresAdmin"/>; otherwise a database created on that server.</summary>
    public static async Task<ScratchStore> CreateAsync(string? postgresAdmin, CancellationToken cancellationToken = default)
    {
        if (postgresAdmin is null)
        {
            var folder = Directory.CreateTempSubdirectory("truce-bench-").FullName;
            return new ScratchStore(StoreLocation.Resolve(null, folder), folder, null, null);
        }
        var database = $"truce_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(postgresAdmin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var builder = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database };
        return new ScratchStore(new StoreLocation(Engine.Postgres, builder.ConnectionString), null, postgresAdmin, database);
    }

    /// <summary>For a test: a PostgreSQL store on the server TRUCE_TEST_PG names (skipped without one, failed in CI).</summary>
    public static Task<ScratchStore> CreateAsync(Engine engine, CancellationToken cancellationToken = default) =>
        CreateAsync(engine == Engine.Postgres ? TestEnvironment.RequirePostgres() : null, cancellationToken);

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
                // A file still open elsewhere; the temporary folder is left for the OS.
            }
        }
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
