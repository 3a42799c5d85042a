using System.Numerics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Truce.Geo;
using Truce.Journal;
using Truce.Lists;
using Truce.Monitoring;

namespace Truce.Storage;

/// <summary>The scale path: the same schema on a PostgreSQL server.</summary>
public sealed class PostgresTruceDb(DbContextOptions<PostgresTruceDb> options, TimeProvider clock) : TruceDb(options, clock)
{
    /// <summary>Any fixed number; every writer of the journal takes this transaction-scoped lock.</summary>
    private const long JournalLockKey = 0x7472756365;

    public override Engine Engine => Engine.Postgres;

    /// <summary>The assembly that holds this engine's migrations, found by name at run time (the executable references it).</summary>
    public const string MigrationsAssembly = "Truce.Migrations.Postgres";

    public static DbContextOptions<PostgresTruceDb> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresTruceDb>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .Options;

    protected override async Task LockJournalAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({JournalLockKey})", cancellationToken);

    /// <summary>
    /// PostgreSQL plans each statement from its statistics of the tables, which autovacuum refreshes only now and then.
    /// An import that doubles a table every few seconds outruns it: the look-up by source and dataset id was planned for a
    /// table a tenth of its size, took the index on the source alone and read every row of that source, more each batch
    /// (docs/benchmarks.md, session 9). So after the 1st, 2nd, 4th, 8th... commit of a bulk write the tables its statements
    /// look up in (observations, incidents) are analysed, a sample of some 30 000 rows each, and once more at its end, as
    /// PostgreSQL's guide to populating a database advises. The journal is only appended to and read by its key.
    /// </summary>
    public override Task BulkWriteCommittedAsync(int commits, CancellationToken cancellationToken = default) =>
        BitOperations.IsPow2(commits) ? AnalyzeBulkTablesAsync(cancellationToken) : Task.CompletedTask;

    public override Task EndBulkWriteAsync(CancellationToken cancellationToken = default) => AnalyzeBulkTablesAsync(cancellationToken);

    private async Task AnalyzeBulkTablesAsync(CancellationToken cancellationToken)
    {
        using var analyze = WriteTelemetry.Begin("analyze");
        // The names come from the model, never from a request.
        var tables = string.Join(", ", new[] { typeof(Observation), typeof(Verification.Incident) }
            .Select(type => $"\"{Model.FindEntityType(type)!.GetTableName()}\""));
        var sql = "ANALYZE " + tables;
        await Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }

    /// <summary>
    /// One seek of the near-time index per window and week its observations may be keyed under (<see cref="ByWeek"/>),
    /// or, when a window is too long for that, one seek of the cell index per window over all time. The lateral
    /// subquery with OFFSET 0 is not flattened, so the planner probes an index once per row of the unnest instead of
    /// scanning the table and joining; by week, the time test inside it is checked on the index's entries.
    /// </summary>
    public override IQueryable<Observation> ObservationsIn(IReadOnlyList<CellWindow> windows)
    {
        NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) => new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
        if (ByWeek(windows) is not { } probes)
        {
            return Observations.FromSqlRaw("""
                SELECT o.* FROM unnest(@cell_from, @cell_to, @starts, @ends) AS w(cell_from, cell_to, starts, ends)
                CROSS JOIN LATERAL (SELECT * FROM observations AS n WHERE n.cell >= w.cell_from AND n.cell < w.cell_to OFFSET 0) AS o
                WHERE o.observed_to >= w.starts AND o.observed_from <= w.ends
                """,
                Array("cell_from", NpgsqlDbType.Text, windows.Select(w => w.Cells.From)),
                Array("cell_to", NpgsqlDbType.Text, windows.Select(w => w.CellsTo)),
                Array("starts", NpgsqlDbType.TimestampTz, windows.Select(w => w.From)),
                Array("ends", NpgsqlDbType.TimestampTz, windows.Select(w => w.To)));
        }
        return Observations.FromSqlRaw("""
            SELECT o.* FROM unnest(@near_keys, @cell_from, @cell_to, @starts, @ends) AS w(near_time, cell_from, cell_to, starts, ends)
            CROSS JOIN LATERAL (SELECT * FROM observations AS n WHERE n.near_time_key = w.near_time AND n.cell >= w.cell_from AND n.cell < w.cell_to
              AND n.observed_to >= w.starts AND n.observed_from <= w.ends OFFSET 0) AS o
            """,
            Array("near_keys", NpgsqlDbType.Integer, probes.Select(p => p.Key)),
            Array("cell_from", NpgsqlDbType.Text, probes.Select(p => p.Window.Cells.From)),
            Array("cell_to", NpgsqlDbType.Text, probes.Select(p => p.Window.CellsTo)),
            Array("starts", NpgsqlDbType.TimestampTz, probes.Select(p => p.Window.From)),
            Array("ends", NpgsqlDbType.TimestampTz, probes.Select(p => p.Window.To)));
    }

    /// <summary>
    /// Each window once for every key its observations may be stored under (<see cref="NearTime.Keys"/>: the unbounded
    /// key and the weeks from <see cref="NearTime.MaxSpan"/> before it to its end); null when a window is too long to
    /// enumerate. An import's windows are an event's neighbourhood, hours to days: read over the cells' whole history,
    /// each seek fetched every row of the cell range from the table before the time test, so an import's look-ups grew
    /// with the store (105–114 ms a batch at 10^6 against 30 ms at 10^5; by week, 25–27 ms). SQLite tests the time on
    /// the cell index's own entries, and reading by week gained nothing there (docs/benchmarks.md).
    /// </summary>
    private static List<(int Key, CellWindow Window)>? ByWeek(IReadOnlyList<CellWindow> windows)
    {
        var probes = new List<(int, CellWindow)>(windows.Count * 4);
        foreach (var window in windows)
        {
            if (NearTime.Keys(window.From, window.To) is not { } keys)
            {
                return null;
            }
            probes.AddRange(keys.Select(k => (k, window)));
        }
        return probes;
    }

    /// <summary>
    /// At most this many values in one multi-row INSERT (PostgreSQL allows 65 535 parameters per statement). A group
    /// commit's batch (up to 256 records) fits; an import's batch of thousands goes by binary COPY instead, which is
    /// faster for many rows but costs two round trips per table, where a small batch's INSERTs all go in one.
    /// </summary>
    internal const int MaxInsertValues = 16_384;

    /// <summary>
    /// The lock and the read of the last entry in one round trip (sent with the transaction's BEGIN): two statements
    /// of one batch, so the read's snapshot is taken after the lock is held and sees every entry committed before it.
    /// </summary>
    private protected override async Task<JournalEntry?> LockAndReadLastAsync(CancellationToken cancellationToken)
    {
        var journal = ShapeOf(Model.FindEntityType(typeof(JournalEntry))!);
        var seq = journal.Columns.Single(c => c.Property.Name == nameof(JournalEntry.Seq)).Name;
        var hash = journal.Columns.Single(c => c.Property.Name == nameof(JournalEntry.Hash)).Name;
        await using var batch = ((NpgsqlConnection)Database.GetDbConnection()).CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({JournalLockKey})"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT \"{seq}\", \"{hash}\" FROM \"{journal.Table}\" ORDER BY \"{seq}\" DESC LIMIT 1"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new JournalEntry { Seq = reader.GetInt64(0), Hash = reader.GetString(1) } : null;
    }

    /// <summary>
    /// Small tables as multi-row INSERTs sent together in one batch (one round trip for a group commit's records and
    /// their journal entries); a table of more than <see cref="MaxInsertValues"/> values by binary COPY. The tables
    /// still reach the server in the order given.
    /// </summary>
    private protected override async Task WriteTablesAsync(IReadOnlyList<(RecordShape Shape, IReadOnlyList<object> Rows)> tables, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        await using var batch = connection.CreateBatch();
        // Only a factory: the type mapping configures each parameter as EF's own inserts would (the NpgsqlDbType of an instant, say).
        await using var parameters = connection.CreateCommand();
        foreach (var (shape, rows) in tables)
        {
            if (rows.Count * shape.Columns.Count <= MaxInsertValues)
            {
                batch.BatchCommands.Add(Insert(shape, rows, parameters));
                continue;
            }
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
                batch.BatchCommands.Clear();
            }
            await WriteRowsAsync(shape, rows, cancellationToken);
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>One INSERT of all the rows, with positional parameters ($1, $2, ...) row after row.</summary>
    private static NpgsqlBatchCommand Insert(RecordShape shape, IReadOnlyList<object> rows, NpgsqlCommand parameters)
    {
        var columns = shape.Columns;
        var text = new StringBuilder($"INSERT INTO \"{shape.Table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ");
        var insert = new NpgsqlBatchCommand();
        var n = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                text.Append(c == 0 ? "$" : ", $").Append(++n);
                var parameter = columns[c].Mapping.CreateParameter(parameters, string.Empty, null, columns[c].Property.IsNullable);
                // The stored value (after the model's converter), set as the SQLite writer does.
                parameter.Value = columns[c].Stored(rows[r]) ?? DBNull.Value;
                insert.Parameters.Add(parameter);
            }
            text.Append(')');
        }
        insert.CommandText = text.ToString();
        return insert;
    }

    private protected override async Task WriteRowsAsync(RecordShape shape, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        var columns = shape.Columns;
        var copy = $"COPY \"{shape.Table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                await WriteAsync(importer, column.Stored(row), cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>One value in the binary format of its column; the store's columns hold only these types.</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        Guid v => importer.WriteAsync(v, NpgsqlDbType.Uuid, cancellationToken),
        string v => importer.WriteAsync(v, NpgsqlDbType.Text, cancellationToken),
        int v => importer.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken),
        long v => importer.WriteAsync(v, NpgsqlDbType.Bigint, cancellationToken),
        double v => importer.WriteAsync(v, NpgsqlDbType.Double, cancellationToken),
        bool v => importer.WriteAsync(v, NpgsqlDbType.Boolean, cancellationToken),
        char v => importer.WriteAsync(v, NpgsqlDbType.Char, cancellationToken),
        DateTimeOffset v => importer.WriteAsync(v, NpgsqlDbType.TimestampTz, cancellationToken),
        byte[] v => importer.WriteAsync(v, NpgsqlDbType.Bytea, cancellationToken),
        _ => throw new NotSupportedException($"No binary COPY format for {value.GetType().Name}."),
    };
}
