using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Npgsql;
using Truce.Access;
using Truce.Import;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Bench.Import;

public sealed record Figures(
    string Engine, long Rows, double RawRowsPerSecond, double RawWithoutIndexesRowsPerSecond, double ImportRowsPerSecond, long PeakWorkingSetBytes)
{
    public double Ratio => ImportRowsPerSecond / RawRowsPerSecond;

    public override string ToString() =>
        $"{Engine,-8} {Rows,10} rows  raw insert {RawRowsPerSecond,10:N0} rows/s  raw without secondary indexes {RawWithoutIndexesRowsPerSecond,10:N0} rows/s  " +
        $"truce import {ImportRowsPerSecond,10:N0} rows/s  ratio {Ratio:F2}  peak working set {PeakWorkingSetBytes / 1048576.0:N0} MiB";
}

/// <summary>
/// Import rate against the baseline of the same rows inserted with one prepared command per row, as many
/// rows per transaction as the importer writes per batch, into the observations table of a fresh store
/// (no journal, no incident, no checking pass).
/// </summary>
public static class ImportBenchmark
{
    private static readonly ImportOptions Options = new();

    // The baseline commits as often as the importer does.
    private static readonly int BatchSize = Options.CommitSize;

    public static async Task<Figures> RunAsync(Engine engine, long rows, string? postgresAdmin, TextWriter log, bool inTimeOrder = false)
    {
        var folder = Directory.CreateTempSubdirectory("truce-bench-import-").FullName;
        var databases = new List<string>();
        try
        {
            var csv = Path.Combine(folder, "ucdp.csv");
            Generate(csv, rows, inTimeOrder);
            var raw = await TimeAsync(() => RawInsertAsync(engine, csv, folder, postgresAdmin, databases, secondaryIndexes: true));
            log.WriteLine($"{engine}: raw insert of {rows} rows in {raw.TotalSeconds:F1} s");
            var bare = await TimeAsync(() => RawInsertAsync(engine, csv, folder, postgresAdmin, databases, secondaryIndexes: false));
            log.WriteLine($"{engine}: raw insert without secondary indexes of {rows} rows in {bare.TotalSeconds:F1} s");
            Process.GetCurrentProcess().Refresh();
            // Where the import's time goes: the Truce.Write spans it leaves (per batch, so listening costs nothing per row).
            var stages = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == WriteTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = a => stages.AddOrUpdate(a.OperationName, a.Duration.TotalSeconds, (_, sum) => sum + a.Duration.TotalSeconds),
            };
            ActivitySource.AddActivityListener(listener);
            var import = await TimeAsync(() => ImportAsync(engine, csv, folder, postgresAdmin, databases));
            listener.Dispose();
            log.WriteLine($"{engine}: truce import of {rows} rows in {import.TotalSeconds:F1} s; of it, in seconds: " +
                string.Join(", ", stages.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:F1}")) +
                " (import.check is the whole first pass; the rest of the second pass is reading, mapping and the rules)");
            var process = Process.GetCurrentProcess();
            process.Refresh();
            return new Figures(engine.ToString(), rows, rows / raw.TotalSeconds, rows / bare.TotalSeconds, rows / import.TotalSeconds, process.PeakWorkingSet64);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            await DropAsync(postgresAdmin, databases);
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await run();
        // On a shared machine the wall time says as much about the neighbours as about the code: the CPU time beside it.
        Console.Error.WriteLine($"  ({clock.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU)");
        return clock.Elapsed;
    }

    /// <summary>
    /// UCDP-shaped rows (the columns the importer reads), spread over the world and over 30 years: in random time order,
    /// or, with <paramref name="inTimeOrder"/>, by date, as a release published by year comes close to (the other columns
    /// the same either way).
    /// </summary>
    public static void Generate(string path, long rows, bool inTimeOrder = false)
    {
        using var writer = Sep.New(',').Writer().ToFile(path);
        var random = new Random(1989);
        var start = new DateOnly(1990, 1, 1);
        for (long i = 1; i <= rows; i++)
        {
            var shuffled = random.Next(0, 30 * 365);
            var day = start.AddDays(inTimeOrder ? (int)((i - 1) * (30 * 365L) / rows) : shuffled);
            using var row = writer.NewRow();
            row["id"].Format(i);
            row["type_of_violence"].Format(random.Next(1, 4));
            row["conflict_name"].Set("Benchland: Government");
            row["side_a"].Set("Government of Benchland");
            row["side_b"].Set("Benchland insurgents");
            row["where_prec"].Format(random.Next(1, 8));
            row["where_coordinates"].Set("Bench village");
            row["latitude"].Set((random.NextDouble() * 160 - 80).ToString("F6", CultureInfo.InvariantCulture));
            row["longitude"].Set((random.NextDouble() * 340 - 170).ToString("F6", CultureInfo.InvariantCulture));
            row["date_prec"].Format(random.Next(1, 6));
            row["date_start"].Set(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            row["date_end"].Set(day.AddDays(random.Next(0, 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var a = random.Next(0, 5);
            var b = random.Next(0, 5);
            var c = random.Next(0, 3);
            row["deaths_a"].Format(a);
            row["deaths_b"].Format(b);
            row["deaths_civilians"].Format(c);
            row["deaths_unknown"].Format(0);
            row["best"].Format(a + b + c);
        }
    }

    private static async Task DropAsync(string? postgresAdmin, List<string> databases)
    {
        if (databases.Count == 0)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(postgresAdmin);
        await connection.OpenAsync();
        foreach (var database in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<Store> FreshStoreAsync(Engine engine, string folder, string? postgresAdmin, string name, List<string> databases)
    {
        StoreLocation location;
        if (engine == Engine.Sqlite)
        {
            location = StoreLocation.Resolve(null, Path.Combine(folder, name));
        }
        else
        {
            var database = $"truce_bench_{name}_{Guid.NewGuid():N}";
            databases.Add(database);
            await using (var connection = new NpgsqlConnection(postgresAdmin))
            {
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await drop.ExecuteNonQueryAsync();
            }
            location = new StoreLocation(Engine.Postgres, new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString);
        }
        var store = new Store(location, TimeProvider.System);
        await store.MigrateAsync();
        return store;
    }

    /// <summary>
    /// The baseline: the same rows, the same ids, as many per transaction as the importer writes, with the importer's
    /// connection settings (synchronous=FULL, the import's page cache on SQLite); without secondary indexes, the second
    /// baseline shows what the observation table's own indexes cost.
    /// </summary>
    private static async Task RawInsertAsync(Engine engine, string csv, string folder, string? postgresAdmin, List<string> databases, bool secondaryIndexes)
    {
        var store = await FreshStoreAsync(engine, folder, postgresAdmin, secondaryIndexes ? "raw" : "bare", databases);
        await using var db = store.Open();
        var type = db.Model.FindEntityType(typeof(Observation))!;
        var properties = type.GetProperties().ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (engine == Engine.Sqlite)
        {
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous=FULL; " + SqliteTruceDb.ImportCache;
            await pragmas.ExecuteNonQueryAsync();
        }
        if (!secondaryIndexes)
        {
            await using var list = connection.CreateCommand();
            list.CommandText = engine == Engine.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL"
                : "SELECT indexname FROM pg_indexes WHERE tablename = 'observations' AND indexname NOT LIKE 'pk_%'";
            var names = new List<string>();
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }
            foreach (var name in names)
            {
                await using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP INDEX \"{name}\"";
                await drop.ExecuteNonQueryAsync();
            }
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO observations ({string.Join(", ", properties.Select(p => p.GetColumnName()))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        var parameters = properties.Select((p, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            command.Parameters.Add(parameter);
            return (Property: p, Parameter: parameter, Converter: p.GetTypeMapping().Converter);
        }).ToList();
        var layout = new UcdpLayout();
        var now = DateTimeOffset.UtcNow;
        var transaction = await connection.BeginTransactionAsync();
        command.Transaction = transaction;
        var inBatch = 0;
        foreach (var row in CsvEvents.Read(csv, layout, layout.DefaultSource, now))
        {
            var observation = row.Observation!;
            observation.Id = ImportIds.ObservationOf(observation.Source, observation.SourceExternalId!, observation.ObservedFrom);
            observation.ReceivedAt = now;
            foreach (var (property, parameter, converter) in parameters)
            {
                var value = property.PropertyInfo!.GetValue(observation);
                parameter.Value = (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }
            if (inBatch == 0)
            {
                await command.PrepareAsync();
            }
            await command.ExecuteNonQueryAsync();
            if (++inBatch == BatchSize)
            {
                await transaction.CommitAsync();
                await transaction.DisposeAsync();
                transaction = await connection.BeginTransactionAsync();
                command.Transaction = transaction;
                inBatch = 0;
            }
        }
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
    }

    private static async Task ImportAsync(Engine engine, string csv, string folder, string? postgresAdmin, List<string> databases)
    {
        var store = await FreshStoreAsync(engine, folder, postgresAdmin, "import", databases);
        var layout = new UcdpLayout();
        var result = await Importer.RunAsync(store, Viewer.System, now => CsvEvents.Read(csv, layout, layout.DefaultSource, now), Options);
        if (result.Value is not { Refused: false } summary || summary.Imported == 0)
        {
            throw new InvalidOperationException($"The import failed: {result.Failure?.Title ?? string.Join("; ", result.Value!.Errors.Take(5))}");
        }
    }
}
