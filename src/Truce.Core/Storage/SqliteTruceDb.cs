using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Truce.Geo;
using Truce.Monitoring;

namespace Truce.Storage;

/// <summary>The embedded engine: one file, WAL mode, every commit synced before it is acknowledged.</summary>
public sealed class SqliteTruceDb(DbContextOptions<SqliteTruceDb> options, TimeProvider clock) : TruceDb(options, clock)
{
    public override Engine Engine => Engine.Sqlite;

    /// <summary>The assembly that holds this engine's migrations, found by name at run time (the executable references it).</summary>
    public const string MigrationsAssembly = "Truce.Migrations.Sqlite";

    public static DbContextOptions<SqliteTruceDb> Options(string connectionString) =>
        new DbContextOptionsBuilder<SqliteTruceDb>()
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(Pragmas.Instance)
            .Options;

    /// <summary>One gate per database file, shared by every unit of work of this process.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);
    // One prepared INSERT per table, reused for every bulk write of this context: SQLite keeps the statement
    // compiled as long as the connection stays open (the importer holds it open for the whole import).
    private readonly Dictionary<RecordShape, (SqliteCommand Command, SqliteParameter[] Parameters)> _inserts = [];
    // The faster way for the tables whose values it binds (all of the import's and the group commit's): null for others.
    private readonly Dictionary<RecordShape, SqliteRowWriter?> _writers = [];

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

    /// <summary>
    /// The page cache of an import's connection: 64 MiB (a negative cache_size is in KiB; SQLite's default is 2 000 KiB),
    /// and a checkpoint of the write-ahead log only once it holds 16 384 pages (64 MiB; the default, 1 000 pages, makes
    /// nearly every commit of an import's large batches copy the same index pages back into the file and sync it again).
    /// Every commit is still synced (synchronous=FULL). They live as long as the connection the import holds open; the
    /// benchmark's raw baseline runs with the same.
    /// </summary>
    public const string ImportCache = "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;";

    public override Task WidenPageCacheAsync(CancellationToken cancellationToken = default) =>
        Database.ExecuteSqlRawAsync(ImportCache, cancellationToken);

    /// <summary>
    /// After an import: the write-ahead log it left is copied back into the file now (PASSIVE: without waiting for
    /// readers), rather than by whichever writer commits next, and the connection, which goes back to the pool, takes
    /// SQLite's default cache and checkpoint again.
    /// </summary>
    public const string AfterImport = "PRAGMA wal_checkpoint(PASSIVE); PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000;";

    public override async Task EndBulkWriteAsync(CancellationToken cancellationToken = default)
    {
        using var checkpoint = WriteTelemetry.Begin("checkpoint");
        await Database.ExecuteSqlRawAsync(AfterImport, cancellationToken);
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

    private protected override Task WriteRowsAsync(RecordShape shape, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)Database.CurrentTransaction!.GetDbTransaction();
        if (!_writers.TryGetValue(shape, out var writer))
        {
            _writers[shape] = writer = SqliteRowWriter.For(shape);
        }
        if (writer is not null)
        {
            writer.Write(transaction.Connection!, rows, cancellationToken);
            return Task.CompletedTask;
        }
        if (!_inserts.TryGetValue(shape, out var insert))
        {
            var command = transaction.Connection!.CreateCommand();
            command.CommandText = $"INSERT INTO \"{shape.Table}\" ({string.Join(", ", shape.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", shape.Columns.Select((_, i) => $"@p{i}"))})";
            // The type mapping configures each parameter as EF's own inserts would (a GUID as text, say).
            var parameters = shape.Columns.Select((c, i) => (SqliteParameter)c.Mapping.CreateParameter(command, $"@p{i}", null, c.Property.IsNullable)).ToArray();
            command.Parameters.AddRange(parameters);
            _inserts[shape] = insert = (command, parameters);
        }
        var (insertCommand, values) = insert;
        insertCommand.Transaction = transaction;
        var columns = shape.Columns;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < values.Length; i++)
            {
                values[i].Value = columns[i].Stored(row) ?? DBNull.Value;
            }
            // Microsoft.Data.Sqlite's async calls run synchronously anyway; the sync call saves a state machine per row.
            insertCommand.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    // json_each drives the loop (CROSS JOIN keeps it outside), so each window is one range scan of the cell index.
    public override IQueryable<Observation> ObservationsIn(IReadOnlyList<CellWindow> windows)
    {
        var json = JsonSerializer.Serialize(windows.Select(w => new object[] { w.Cells.From, w.CellsTo, w.From.UtcTicks, w.To.UtcTicks }));
        return Observations.FromSqlRaw("""
            SELECT o.* FROM json_each({0}) AS w CROSS JOIN observations AS o
            WHERE o.cell >= w.value ->> 0 AND o.cell < w.value ->> 1
              AND o.observed_to >= w.value ->> 2 AND o.observed_from <= w.value ->> 3
            """, json);
    }

    public override void Dispose()
    {
        DisposeInserts();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        DisposeInserts();
        return base.DisposeAsync();
    }

    private void DisposeInserts()
    {
        foreach (var (command, _) in _inserts.Values)
        {
            command.Dispose();
        }
        _inserts.Clear();
        foreach (var writer in _writers.Values)
        {
            writer?.Dispose();
        }
        _writers.Clear();
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
