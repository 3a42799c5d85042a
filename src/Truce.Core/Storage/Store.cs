using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Truce.Access;

namespace Truce.Storage;

/// <summary>Opens units of work on one store; one instance per process.</summary>
public sealed class Store
{
    private readonly DbContextOptions<SqliteTruceDb>? _sqlite;
    private readonly DbContextOptions<PostgresTruceDb>? _postgres;

    public const int DefaultPublicPrecisionM = 5_000;

    public Store(StoreLocation location, TimeProvider clock, int publicPrecisionM = DefaultPublicPrecisionM)
    {
        PublicPrecisionM = publicPrecisionM;
        Location = location;
        Clock = clock;
        if (location.Engine == Engine.Sqlite)
        {
            var connection = new SqliteConnectionStringBuilder(location.ConnectionString);
            var file = connection.DataSource;
            if (file != ":memory:" && connection.Mode == SqliteOpenMode.ReadWriteCreate && !file.StartsWith("file:", StringComparison.Ordinal))
            {
                // Created here as 0600 (its folder 0700), before SQLite would make it 0644 under the usual umask; SQLite
                // gives the -wal and -shm files the mode of the database file.
                OwnerOnly.EmptyFile(file);
            }
            _sqlite = SqliteTruceDb.Options(location.ConnectionString);
        }
        else
        {
            _postgres = PostgresTruceDb.Options(location.ConnectionString);
        }
    }

    public StoreLocation Location { get; }

    /// <summary>The process's one writer of concurrent submissions to this store (see <see cref="GroupCommit"/>).</summary>
    public GroupCommit Commits => _commits ??= new GroupCommit(this);

    private GroupCommit? _commits;

    public int PublicPrecisionM { get; }

    public TimeProvider Clock { get; }

    public TruceDb Open(Viewer? actor = null)
    {
        TruceDb db = _sqlite is not null ? new SqliteTruceDb(_sqlite, Clock) : new PostgresTruceDb(_postgres!, Clock);
        db.Actor = actor ?? Viewer.System;
        db.PublicPrecisionM = PublicPrecisionM;
        db.Store = this;
        return db;
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
    }

    /// <summary>Applies every pending migration; returns the names of those applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Engine == Engine.Sqlite)
        {
            // WAL is a property of the file: set once, kept by every later connection.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        return pending;
    }
}
