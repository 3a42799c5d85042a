using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Truce.Geo;
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

    // The lateral subquery with OFFSET 0 is neither flattened nor given the time filter, so the planner
    // probes the cell index once per window instead of scanning the table and joining.
    public override IQueryable<Observation> ObservationsIn(IReadOnlyList<CellWindow> windows) =>
        Observations.FromSqlRaw("""
            SELECT o.* FROM unnest(@cell_from, @cell_to, @starts, @ends) AS w(cell_from, cell_to, starts, ends)
            CROSS JOIN LATERAL (SELECT * FROM observations AS n WHERE n.cell >= w.cell_from AND n.cell < w.cell_to OFFSET 0) AS o
            WHERE o.observed_to >= w.starts AND o.observed_from <= w.ends
            """,
            new NpgsqlParameter("cell_from", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = windows.Select(w => w.Cells.From).ToArray() },
            new NpgsqlParameter("cell_to", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = windows.Select(w => w.CellsTo).ToArray() },
            new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = windows.Select(w => w.From).ToArray() },
            new NpgsqlParameter("ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = windows.Select(w => w.To).ToArray() });

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
