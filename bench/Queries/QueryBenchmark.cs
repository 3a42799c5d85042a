using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Truce.Access;
using Truce.Geo;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Bench.Queries;

/// <summary>Latency of one method over the queries, in milliseconds.</summary>
public sealed record Latency(string Method, double P50Ms, double P99Ms)
{
    public static Latency Of(string method, List<double> ms)
    {
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return new Latency(method, At(0.50), At(0.99));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method,-32} p50 {P50Ms,8:F2} ms  p99 {P99Ms,8:F2} ms");
}

public sealed record Figures(string Engine, int Rows, int Queries, double MeanMatches, int Bounded, double LoadSeconds, IReadOnlyList<Latency> Latencies)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Engine}: {Rows:N0} rows (loaded in {LoadSeconds:F1} s), {Queries} near queries, {MeanMatches:F0} matches on average; every method returned the same ids; {Bounded} of the 30-day totals past the exact count's bound of {SpatialFilter.CountedUpTo:N0}\n")
        + string.Join("\n", Latencies.Select(l => "  " + l));
}

/// <summary>
/// Near queries (a circle and a 30-day window) timed through Truce's own path, <see cref="Observations.ListAsync"/>,
/// the function the API's GET /api/observations calls, and <see cref="Incidents.ListAsync"/> (GET /api/incidents) on
/// the same rows stored as published incidents, for an analyst and for the public (who is shown, and tested on,
/// positions snapped to the store's public grid), beside a brute-force scan of the rows held in memory and, on
/// SQLite, an R*Tree of the same rows. The rows are loaded straight into the observations and incidents tables (prepared inserts on
/// SQLite, COPY on PostgreSQL, indexes built afterwards): this measures queries, not the journal. Every method applies
/// the same exact test (<see cref="Area.Contains"/>) to its candidates, and each query's id sets (the incidents: first
/// page and total) must be equal or the run fails.
/// </summary>
public static class QueryBenchmark
{
    /// <summary>The page the API returns by default; Truce's timing is of that page and the total count.</summary>
    private static readonly Paging Page = Paging.Default;

    public static async Task<Figures> RunAsync(
        Engine engine, SyntheticObservations rows, IReadOnlyList<NearQuery> queries, IReadOnlyList<NearQuery> year, string? postgresAdmin, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("truce-bench-queries-").FullName;
        string? database = null;
        try
        {
            StoreLocation location;
            if (engine == Engine.Sqlite)
            {
                location = StoreLocation.Resolve(null, Path.Combine(folder, "queries"));
            }
            else
            {
                database = $"truce_bench_queries_{Guid.NewGuid():N}";
                await ExecuteAsync(postgresAdmin!, $"CREATE DATABASE {database}");
                location = new StoreLocation(Engine.Postgres, new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString);
            }
            var store = new Store(location, TimeProvider.System);
            await store.MigrateAsync();
            var clock = Stopwatch.StartNew();
            await LoadAsync(store, rows);
            var loadSeconds = clock.Elapsed.TotalSeconds;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: {rows.Count:N0} rows loaded and indexed in {loadSeconds:F1} s"));

            var truce = new List<double>();
            var incidents = new List<double>();
            var published = new List<double>();
            var scan = new List<double>();
            var rtree = new List<double>();
            long matches = 0;
            var bounded = 0;
            await using var rtreeConnection = engine == Engine.Sqlite ? await RTreeAsync(store, rows) : null;
            // Warm-up on other queries, untimed: the JIT, EF's compiled queries (one per count of cell ranges,
            // padded to a power of two) and the engine's caches, as in a server that has been running a while.
            foreach (var query in NearQuery.Generate(rows, 40, seed: 4))
            {
                await TruceAsync(store, query, Page);
                await IncidentsAsync(store, query, Page);
                await IncidentsAsync(store, query, Page, Viewer.Anonymous);
                if (rtreeConnection is not null)
                {
                    await RTreeQueryAsync(rtreeConnection, query);
                }
            }
            for (var q = 0; q < queries.Count; q++)
            {
                var query = queries[q];
                clock.Restart();
                var page = await TruceAsync(store, query, Page);
                truce.Add(clock.Elapsed.TotalMilliseconds);

                clock.Restart();
                var incidentPage = await IncidentsAsync(store, query, Page);
                incidents.Add(clock.Elapsed.TotalMilliseconds);

                clock.Restart();
                var publicPage = await IncidentsAsync(store, query, Page, Viewer.Anonymous);
                published.Add(clock.Elapsed.TotalMilliseconds);

                clock.Restart();
                var expected = Scan(rows, query);
                scan.Add(clock.Elapsed.TotalMilliseconds);

                HashSet<int>? boxed = null;
                if (rtreeConnection is not null)
                {
                    clock.Restart();
                    boxed = await RTreeQueryAsync(rtreeConnection, query);
                    rtree.Add(clock.Elapsed.TotalMilliseconds);
                }

                var listed = await AllPagesAsync(store, query);
                matches += expected.Count;
                Agree(q, "truce (all pages)", expected, listed);
                AgreeFirstPage(q, "truce", rows, expected, page);
                AgreeFirstPage(q, "truce incidents", rows, expected, incidentPage);
                AgreeFirstPage(q, "truce incidents, public", rows, Scan(rows, query, store.PublicPrecisionM), publicPage);
                bounded += page.TotalIsLowerBound ? 1 : 0;
                if (boxed is not null)
                {
                    Agree(q, "sqlite r*tree", expected, boxed);
                }
            }
            var latencies = new List<Latency>
            {
                Latency.Of("truce (Observations.ListAsync)", truce), Latency.Of("truce (Incidents.ListAsync)", incidents),
                Latency.Of("truce incidents, public", published),
            };
            if (rtreeConnection is not null)
            {
                latencies.Add(Latency.Of("sqlite r*tree + exact test", rtree));
            }
            latencies.Add(Latency.Of("brute force (in-memory scan)", scan));
            if (year.Count > 0)
            {
                latencies.AddRange(await YearAsync(store, rows, year));
            }
            return new Figures(engine.ToString(), rows.Count, queries.Count, (double)matches / queries.Count, bounded, loadSeconds, latencies);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (database is not null)
            {
                await ExecuteAsync(postgresAdmin!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    /// <summary>
    /// Year-long windows, timed through Truce and the scan. Paging through every match of a year would take longer than
    /// the rest of the run, so each is checked by its total and its first page, which must be the scan's newest matches.
    /// </summary>
    private static async Task<List<Latency>> YearAsync(Store store, SyntheticObservations rows, IReadOnlyList<NearQuery> year)
    {
        var (truce, incidents, published, scan) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        long matches = 0;
        var clock = new Stopwatch();
        for (var q = 0; q < year.Count; q++)
        {
            clock.Restart();
            var page = await TruceAsync(store, year[q], Page);
            truce.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var incidentPage = await IncidentsAsync(store, year[q], Page);
            incidents.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var publicPage = await IncidentsAsync(store, year[q], Page, Viewer.Anonymous);
            published.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var expected = Scan(rows, year[q]);
            scan.Add(clock.Elapsed.TotalMilliseconds);
            matches += expected.Count;
            AgreeFirstPage(q, "truce year", rows, expected, page);
            AgreeFirstPage(q, "truce incidents year", rows, expected, incidentPage);
            AgreeFirstPage(q, "truce incidents year, public", rows, Scan(rows, year[q], store.PublicPrecisionM), publicPage);
        }
        var mean = (double)matches / year.Count;
        return [Latency.Of(string.Create(CultureInfo.InvariantCulture, $"truce, a year ({mean:F0} matches)"), truce),
            Latency.Of("truce incidents, a year", incidents), Latency.Of("truce incidents, public, a year", published), Latency.Of("brute force, a year", scan)];
    }

    /// <summary>
    /// The first page is the scan's newest matches, in order; its total is the scan's, or, where the list stopped
    /// counting (<see cref="Page{T}.TotalIsLowerBound"/>), less than the scan's and at least the bound.
    /// </summary>
    private static void AgreeFirstPage<T>(int query, string method, SyntheticObservations rows, HashSet<int> expected, Page<T> page)
        where T : IPlacedRecord
    {
        var newest = expected.Select(SyntheticObservations.IdOf).OrderByDescending(id => rows.From[SyntheticObservations.RowOf(id)]).ThenBy(id => id)
            .Take(Page.Size).Select(SyntheticObservations.RowOf).ToList();
        var listed = page.Items.Select(o => SyntheticObservations.RowOf(o.Id)).ToList();
        if (!newest.SequenceEqual(listed))
        {
            throw new InvalidOperationException($"Query {query}: {method}'s first page is not the scan's {newest.Count} newest matches in order.");
        }
        if (!page.TotalIsLowerBound)
        {
            Agree(query, method + " (total)", expected.Count, page.Total);
        }
        else if (expected.Count <= page.Total || page.Total < SpatialFilter.CountedUpTo)
        {
            throw new InvalidOperationException(
                $"Query {query}: {method} says more than {page.Total} match, the brute-force scan found {expected.Count}.");
        }
    }

    private static void Agree(int query, string method, HashSet<int> expected, HashSet<int> actual)
    {
        if (!expected.SetEquals(actual))
        {
            throw new InvalidOperationException(
                $"Query {query}: {method} returned {actual.Count} ids, the brute-force scan {expected.Count}; " +
                $"{actual.Except(expected).Count()} extra, {expected.Except(actual).Count()} missing.");
        }
    }

    private static void Agree(int query, string method, int expected, int actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"Query {query}: {method} is {actual}, the brute-force scan found {expected}.");
        }
    }

    private static ListFilter Filter(NearQuery query, Paging paging) => new()
    {
        Near = new Place(query.Latitude, query.Longitude, null),
        RadiusKm = query.RadiusKm,
        From = query.From,
        To = query.To,
        Paging = paging,
    };

    /// <summary>What GET /api/observations?near=..&amp;radius_km=..&amp;from=..&amp;to=.. runs, for an analyst, on a unit of work of its own.</summary>
    private static async Task<Page<Observation>> TruceAsync(Store store, NearQuery query, Paging paging)
    {
        await using var db = store.Open();
        var result = await Observations.ListAsync(db, Viewer.System, Filter(query, paging));
        return result.Value ?? throw new InvalidOperationException($"The near query was refused: {result.Failure!.Title}");
    }

    /// <summary>
    /// What GET /api/incidents?near=..&amp;radius_km=..&amp;from=..&amp;to=.. runs, for an analyst or for
    /// <paramref name="viewer"/> (the public): the same rows stored as published incidents.
    /// </summary>
    private static async Task<Page<Incident>> IncidentsAsync(Store store, NearQuery query, Paging paging, Viewer? viewer = null)
    {
        await using var db = store.Open();
        var result = await Incidents.ListAsync(db, viewer ?? Viewer.System, Filter(query, paging));
        return result.Value ?? throw new InvalidOperationException($"The near query on incidents was refused: {result.Failure!.Title}");
    }

    private static async Task<HashSet<int>> AllPagesAsync(Store store, NearQuery query)
    {
        var ids = new HashSet<int>();
        for (var number = 1; ; number++)
        {
            var page = await TruceAsync(store, query, new Paging(number, Paging.MaxSize));
            ids.UnionWith(page.Items.Select(o => SyntheticObservations.RowOf(o.Id)));
            if (page.Items.Count < Paging.MaxSize)
            {
                return ids;
            }
        }
    }

    /// <summary>
    /// The rows in the query's window and circle, every one of them tested: at their stored positions, or, given the
    /// store's <paramref name="publicPrecisionM"/>, at the positions the public is shown (snapped by the access policy's
    /// own rule, so that what is checked is which rows the list finds and in what order, not the snapping).
    /// </summary>
    private static HashSet<int> Scan(SyntheticObservations rows, NearQuery query, int? publicPrecisionM = null)
    {
        var found = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!query.During(rows.From[i], rows.To[i]))
            {
                continue;
            }
            var (lat, lon, _) = publicPrecisionM is { } precision
                ? Viewer.Anonymous.Location(rows.Latitudes[i], rows.Longitudes[i], 0, precision)
                : (rows.Latitudes[i], rows.Longitudes[i], 0);
            if (query.Area.Contains(lat, lon))
            {
                found.Add(i);
            }
        }
        return found;
    }

    /// <summary>An R*Tree of the rows' positions (rowid i + 1 for row i), on a connection kept open for the queries.</summary>
    private static async Task<SqliteConnection> RTreeAsync(Store store, SyntheticObservations rows)
    {
        var connection = new SqliteConnection(store.Location.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE observations_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
            INSERT INTO observations_rtree SELECT rowid, latitude, latitude, longitude, longitude FROM observations;
            """;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>The circle's bounding boxes from the R*Tree, joined back for the window, then the exact test.</summary>
    private static async Task<HashSet<int>> RTreeQueryAsync(SqliteConnection connection, NearQuery query)
    {
        var found = new HashSet<int>();
        foreach (var box in query.Area.Bounds)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT o.rowid, o.latitude, o.longitude FROM observations_rtree r JOIN observations o ON o.rowid = r.id
                WHERE r.min_lat <= $maxLat AND r.max_lat >= $minLat AND r.min_lon <= $maxLon AND r.max_lon >= $minLon
                  AND o.observed_to >= $from AND o.observed_from <= $to
                """;
            command.Parameters.AddWithValue("$minLat", box.MinLat);
            command.Parameters.AddWithValue("$maxLat", box.MaxLat);
            command.Parameters.AddWithValue("$minLon", box.MinLon);
            command.Parameters.AddWithValue("$maxLon", box.MaxLon);
            // Truce stores an instant in SQLite as its UTC ticks.
            command.Parameters.AddWithValue("$from", query.From.UtcTicks);
            command.Parameters.AddWithValue("$to", query.To.UtcTicks);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (query.Area.Contains(reader.GetDouble(1), reader.GetDouble(2)))
                {
                    found.Add((int)reader.GetInt64(0) - 1);
                }
            }
        }
        return found;
    }

    /// <summary>
    /// The rows straight into the incidents table, and the same rows (same ids, positions and intervals) into the
    /// observations table, each observation in the incident of its own id (as an imported event is), each table with its
    /// indexes dropped, then the indexes rebuilt and statistics gathered. Values go
    /// through the EF model's own converters, so the rows read back as Truce wrote them.
    /// </summary>
    private static async Task LoadAsync(Store store, SyntheticObservations rows)
    {
        await using var db = store.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await LoadTableAsync(db, connection, rows, new Incident
        {
            Title = "Benchmark incident.",
            Category = Category.Explosion,
            Status = IncidentStatus.Reported,
            LocationPrecisionM = 100,
            ObservationCount = 1,
            SourceCount = 1,
            // Published, so that the public's list reads the same rows (an analyst's reads them whatever their visibility).
            Visibility = Visibility.Public,
            CreatedAt = SyntheticObservations.Start,
            UpdatedAt = SyntheticObservations.Start,
            SubmissionHash = new string('0', 64),
        }, nameof(Incident.StartsAt), nameof(Incident.EndsAt));
        await LoadTableAsync(db, connection, rows, new Observation
        {
            TimePrecision = TimePrecision.Exact,
            LocationPrecisionM = 100,
            Category = Category.Explosion,
            Sensor = Sensor.Heard,
            Narrative = "Benchmark row.",
            ReporterId = Guid.Empty,
            Source = "bench",
            Visibility = Visibility.Internal,
            ReceivedAt = SyntheticObservations.Start,
            SubmissionHash = new string('0', 64),
        }, nameof(Observation.ObservedFrom), nameof(Observation.ObservedTo), ownIncident: nameof(Observation.IncidentId));
        // PostgreSQL: VACUUM too, which sets the visibility map that index-only scans need (autovacuum would, later).
        await Execute(connection, db.Engine == Engine.Postgres ? "VACUUM ANALYZE observations, incidents" : "ANALYZE");
    }

    /// <summary>
    /// Row i of <paramref name="rows"/> as a copy of <paramref name="template"/> with its id, position, cell, interval and
    /// near-time key, and, given <paramref name="ownIncident"/>, that property set to the row's own id.
    /// </summary>
    private static async Task LoadTableAsync<T>(
        TruceDb db, DbConnection connection, SyntheticObservations rows, T template, string fromName, string toName, string? ownIncident = null)
        where T : class, IPlacedRecord
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = type.GetTableName()!;
        var properties = type.GetProperties().ToList();
        var constant = properties.Select(p => Provider(p, p.PropertyInfo!.GetValue(template))).ToArray();
        var column = properties.Select(p => p.GetColumnName()).ToList();
        int Column(string name) => column.IndexOf(properties.Single(p => p.Name == name).GetColumnName());
        var (id, lat, lon, cell, from, to) = (Column(nameof(IPlacedRecord.Id)), Column(nameof(IPlacedRecord.Latitude)), Column(nameof(IPlacedRecord.Longitude)),
            Column(nameof(IPlacedRecord.Cell)), Column(fromName), Column(toName));
        var key = Column(nameof(Observation.NearTimeKey));
        var incident = ownIncident is null ? -1 : Column(ownIncident);
        var values = (object[])constant.Clone();
        void Fill(int i)
        {
            values[id] = Provider(properties[id], SyntheticObservations.IdOf(i));
            values[lat] = rows.Latitudes[i];
            values[lon] = rows.Longitudes[i];
            values[cell] = Geohash.Encode(rows.Latitudes[i], rows.Longitudes[i]);
            values[from] = Provider(properties[from], rows.From[i]);
            values[to] = Provider(properties[to], rows.To[i]);
            values[key] = NearTime.KeyOf(rows.From[i], rows.To[i]);
            if (incident >= 0)
            {
                values[incident] = Provider(properties[incident], (Guid?)SyntheticObservations.IdOf(i));
            }
        }

        var indexes = await DropIndexesAsync(connection, db.Engine, table);
        if (connection is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", column)}) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < rows.Count; i++)
            {
                Fill(i);
                await copy.StartRowAsync();
                foreach (var value in values)
                {
                    if (value is DBNull)
                    {
                        await copy.WriteNullAsync();
                    }
                    else
                    {
                        await copy.WriteAsync(value);
                    }
                }
            }
            await copy.CompleteAsync();
        }
        else
        {
            await Execute(connection, "PRAGMA synchronous=OFF");
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", column)}) VALUES ({string.Join(", ", column.Select((_, i) => $"@p{i}"))})";
            var parameters = column.Select((_, i) =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = $"p{i}";
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            await insert.PrepareAsync();
            for (var i = 0; i < rows.Count; i++)
            {
                Fill(i);
                for (var p = 0; p < values.Length; p++)
                {
                    parameters[p].Value = values[p];
                }
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            await Execute(connection, "PRAGMA synchronous=FULL");
        }
        foreach (var create in indexes)
        {
            await Execute(connection, create);
        }
    }

    private static object Provider(Microsoft.EntityFrameworkCore.Metadata.IProperty property, object? value) =>
        (property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

    /// <summary>Drops a table's secondary indexes; returns the statements that build them again.</summary>
    private static async Task<List<string>> DropIndexesAsync(DbConnection connection, Engine engine, string table)
    {
        var creates = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = engine == Engine.Sqlite
                ? $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL"
                : $"SELECT indexname, indexdef FROM pg_indexes WHERE tablename = '{table}' AND indexname NOT LIKE 'pk_%'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                creates.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in creates)
        {
            await Execute(connection, $"DROP INDEX \"{name}\"");
        }
        return [.. creates.Select(c => c.Sql)];
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, sql);
    }
}
