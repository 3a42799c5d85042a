using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Truce.Storage;

/// <summary>
/// Inserts rows of one table on SQLite straight through its C interface: one INSERT of <see cref="RowsPerStatement"/>
/// rows (VALUES (...),(...)) for full groups and one of a single row for the rest, each value bound by position.
/// Microsoft.Data.Sqlite binds every parameter by name (SQLite looks each name up in a list, so a row of n columns
/// costs n² comparisons) and builds a reader per execution; this skips both, and steps once per group of rows.
/// The statements stay prepared for as long as the connection underneath stays the same.
/// </summary>
internal sealed class SqliteRowWriter : IDisposable
{
    /// <summary>Rows per multi-row statement: past a few dozen the statement's own cost no longer shows.</summary>
    public const int RowsPerStatement = 64;

    // SQLite's limit on bound values in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
    private const int MaxVariables = 32_766;

    private readonly RecordShape _shape;
    private readonly int _rowsPerStatement;
    private sqlite3? _connection;
    private sqlite3_stmt? _many;
    private sqlite3_stmt? _one;

    private SqliteRowWriter(RecordShape shape)
    {
        _shape = shape;
        _rowsPerStatement = Math.Max(1, Math.Min(RowsPerStatement, MaxVariables / shape.Columns.Count));
    }

    /// <summary>A writer for the shape, or null when a column's stored value is of a type this writer does not bind (the caller then uses ADO.NET).</summary>
    public static SqliteRowWriter? For(RecordShape shape) =>
        shape.Columns.All(c => Bindable(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType)) ? new SqliteRowWriter(shape) : null;

    private static bool Bindable(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t &&
        (t == typeof(string) || t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte) || t == typeof(bool)
            || t == typeof(double) || t == typeof(float) || t == typeof(byte[]) || t == typeof(Guid));

    /// <summary>Inserts the rows in the connection's open transaction; a refused row throws the engine's <see cref="SqliteException"/>.</summary>
    public void Write(SqliteConnection connection, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (!ReferenceEquals(handle, _connection))
        {
            // Another connection from the pool: statements belong to the connection that prepared them.
            ReleaseStatements();
            _connection = handle;
        }
        var columns = _shape.Columns.Count;
        var next = 0;
        if (rows.Count >= _rowsPerStatement)
        {
            _many ??= Prepare(handle, _rowsPerStatement);
            for (; next + _rowsPerStatement <= rows.Count; next += _rowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var r = 0; r < _rowsPerStatement; r++)
                {
                    Bind(_many, r * columns, rows[next + r]);
                }
                Step(handle, _many);
            }
        }
        if (next < rows.Count)
        {
            _one ??= Prepare(handle, 1);
            for (; next < rows.Count; next++)
            {
                Bind(_one, 0, rows[next]);
                Step(handle, _one);
            }
        }
    }

    private sqlite3_stmt Prepare(sqlite3 handle, int rowCount)
    {
        var row = $"({string.Join(", ", Enumerable.Repeat("?", _shape.Columns.Count))})";
        var sql = $"INSERT INTO \"{_shape.Table}\" ({string.Join(", ", _shape.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        return statement;
    }

    /// <summary>Binds one record's stored values from position <paramref name="first"/> (zero-based; SQLite counts from 1).</summary>
    private void Bind(sqlite3_stmt statement, int first, object record)
    {
        var columns = _shape.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var at = first + i + 1;
            var rc = columns[i].Stored(record) switch
            {
                null => raw.sqlite3_bind_null(statement, at),
                string text => raw.sqlite3_bind_text(statement, at, text),
                long number => raw.sqlite3_bind_int64(statement, at, number),
                int number => raw.sqlite3_bind_int64(statement, at, number),
                short number => raw.sqlite3_bind_int64(statement, at, number),
                byte number => raw.sqlite3_bind_int64(statement, at, number),
                bool flag => raw.sqlite3_bind_int64(statement, at, flag ? 1 : 0),
                double real => raw.sqlite3_bind_double(statement, at, real),
                float real => raw.sqlite3_bind_double(statement, at, real),
                byte[] bytes => raw.sqlite3_bind_blob(statement, at, bytes),
                // As Microsoft.Data.Sqlite (and so EF) writes a GUID column: upper-case text.
                Guid id => raw.sqlite3_bind_text(statement, at, id.ToString("D").ToUpperInvariant()),
                var other => throw new NotSupportedException($"{_shape.Table}.{columns[i].Name}: a {other.GetType().Name} is not bound here."),
            };
            if (rc != raw.SQLITE_OK)
            {
                throw new SqliteException($"Binding {_shape.Table}.{columns[i].Name} failed: {rc}.", rc);
            }
        }
    }

    private static void Step(sqlite3 handle, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        // Reset whatever the step gave, so that the statement holds no lock and can be bound again.
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private void ReleaseStatements()
    {
        _many?.Dispose();
        _one?.Dispose();
        _many = _one = null;
    }

    public void Dispose() => ReleaseStatements();
}
