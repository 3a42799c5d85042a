using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Truce.Storage;

/// <summary>The embedded engine: one file, WAL mode, every commit synced before it is acknowledged.</summary>
public sealed class SqliteTruceDb(DbContextOptions<SqliteTruceDb> options, TimeProvider clock) : TruceDb(options, clock)
{
    public override Engine Engine => Engine.Sqlite;

    public static DbContextOptions<SqliteTruceDb> Options(string connectionString) =>
        new DbContextOptionsBuilder<SqliteTruceDb>()
            .UseSqlite(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Pragmas.Instance)
            .Options;

    /// <summary>One gate per database file, shared by every unit of work of this process.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, which already takes the write lock.
    protected override Task LockJournalAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// SQLite makes a writer that finds the file locked sleep and poll (busy_timeout), holding a thread the
    /// whole time: under concurrent submissions the waiters starve the thread pool and wake late. Writers of
    /// this process queue on an async gate instead, so at most one of them meets SQLite's lock, and only when
    /// another process (a CLI verb) holds it.
    /// </summary>
    protected override async Task<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource;
        var gate = Writers.GetOrAdd(file == ":memory:" ? file : Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no instant type. Every instant is UTC (see Instant), so its ticks keep full precision and
        // order and compare correctly in SQL; EF's own binary converter would drop everything below 0.1 ms.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class Pragmas : DbConnectionInterceptor
    {
        public static readonly Pragmas Instance = new();

        private const string Sql = "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>Lets `dotnet ef migrations add --context SqliteTruceDb` build the model without a running app.</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteTruceDb>
{
    public SqliteTruceDb CreateDbContext(string[] args) => new(SqliteTruceDb.Options("Data Source=design.db"), TimeProvider.System);
}
