using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;
using Truce.Testing;

namespace Truce.Bench.Load;

/// <summary>How hard and how long to push; every bound has a hard cap, so a run always stops by itself.</summary>
internal sealed record LoadOptions(int Clients, TimeSpan Phase, long MaxRequests)
{
    public const int MaxClients = 256;

    public static readonly TimeSpan MaxPhase = TimeSpan.FromMinutes(2);

    public const long MaxRequestsCap = 2_000_000;

    public static LoadOptions Standard => new(32, TimeSpan.FromSeconds(15), 1_000_000);

    /// <summary>Enough to show that the run works end to end; the smoke test runs this.</summary>
    public static LoadOptions Quick => new(2, TimeSpan.FromSeconds(1), 10_000);

    public LoadOptions Capped() => new(
        Math.Clamp(Clients, 1, MaxClients),
        Phase <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : Phase > MaxPhase ? MaxPhase : Phase,
        Math.Clamp(MaxRequests, 1, MaxRequestsCap));

    /// <summary>The warm-up before each phase: a tenth of it, so JIT and connection set-up are paid outside the measurement.</summary>
    public LoadOptions WarmUp => this with { Phase = Phase / 10, MaxRequests = Math.Max(1, MaxRequests / 10) };
}

/// <summary>One phase: completed requests, those answered with anything but success, and the latency of the successful ones.</summary>
internal sealed record PhaseResult(long Succeeded, long Failed, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// The figures of one run on one engine, and what was found in the store afterwards: every acknowledged
/// observation must be stored once and journaled once, and the journal must verify.
/// </summary>
internal sealed record LoadReport(
    Engine Engine, int Clients, PhaseResult Ceiling, PhaseResult Submit,
    long Acknowledged, long Stored, long Journaled, long AcknowledgedMissing, int VerifyExitCode, string VerifyOutput)
{
    /// <summary>Acknowledged submissions per second as a share of the ceiling of the same server in the same run.</summary>
    public double Ratio => Ceiling.PerSecond > 0 ? Submit.PerSecond / Ceiling.PerSecond : 0;

    public bool Durable => AcknowledgedMissing == 0 && Stored == Acknowledged && Journaled == Acknowledged && VerifyExitCode == 0;
}

/// <summary>
/// Concurrent clients on 127.0.0.1 against `truce serve` as a process: first the ceiling (an endpoint that
/// only reads the body), then real observation submissions with the same body size and concurrency.
/// </summary>
internal static class LoadBenchmark
{
    public const string EchoPath = "/api/bench/echo";

    public const string SubmitPath = "/api/observations";

    internal static readonly MediaTypeHeaderValue JsonType = new("application/json");

    public static async Task<LoadReport> RunAsync(string? postgresAdmin, LoadOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        options = options.Capped();
        await using var scratch = await ScratchStore.CreateAsync(postgresAdmin, cancellationToken);
        await using var server = new TruceServer(scratch.Location, "--Bench:Echo=true", "--Logging:LogLevel:Default=Warning");
        await server.StartAsync(cancellationToken);
        var token = await MonitorTokenAsync(scratch.Location, cancellationToken);
        await log.WriteLineAsync($"{Engine(scratch.Location.Engine),-9} durability: {await DurabilityAsync(scratch.Location, cancellationToken)}");
        using var http = Client(server.BaseAddress, options.Clients);
        var bearer = new AuthenticationHeaderValue("Bearer", token);
        var observedAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var acknowledged = new ConcurrentQueue<Guid>();
        await RunPhaseAsync(http, EchoPath, null, observedAt, options.WarmUp, null, cancellationToken);
        var ceiling = await RunPhaseAsync(http, EchoPath, null, observedAt, options, null, cancellationToken);
        await log.WriteLineAsync(Line(scratch.Location.Engine, "ceiling", options.Clients, ceiling));
        await RunPhaseAsync(http, SubmitPath, bearer, observedAt, options.WarmUp, acknowledged, cancellationToken);
        var submit = await RunPhaseAsync(http, SubmitPath, bearer, observedAt, options, acknowledged, cancellationToken);
        await log.WriteLineAsync(Line(scratch.Location.Engine, "submit", options.Clients, submit));

        // Killed, not stopped: what was acknowledged must be in the store without a clean shutdown.
        await server.KillAsync();
        var (stored, journaled, missing) = await CountAsync(scratch.Location, [.. acknowledged], cancellationToken);
        var (verifyCode, verifyOutput) = await server.RunVerbAsync(["verify"], cancellationToken: cancellationToken);
        var report = new LoadReport(scratch.Location.Engine, options.Clients, ceiling, submit,
            acknowledged.Count, stored, journaled, missing, verifyCode, verifyOutput.Trim());
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Engine(report.Engine),-9} ratio {report.Ratio:P1} of the ceiling; acknowledged {report.Acknowledged}, stored {report.Stored}, " +
            $"journaled {report.Journaled}, missing {report.AcknowledgedMissing}; truce verify: exit {report.VerifyExitCode} ({report.VerifyOutput})"));
        return report;
    }

    public static string Header => $"{"engine",-9} {"phase",-8} {"clients",7} {"requests",9} {"failed",6} {"req/s",9} {"p50 ms",7} {"p99 ms",7}";

    private static string Line(Engine engine, string phase, int clients, PhaseResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{Engine(engine),-9} {phase,-8} {clients,7} {result.Succeeded,9} {result.Failed,6} {result.PerSecond,9:F0} {result.P50Ms,7:F2} {result.P99Ms,7:F2}");

    private static string Engine(Engine engine) => Slug.Of(engine);

    /// <summary>A monitor with a bearer token, added through Core as `truce user add` and `truce token create` do.</summary>
    internal static async Task<string> MonitorTokenAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        var store = new Store(location, TimeProvider.System);
        await using var db = store.Open();
        var added = await Users.AddAsync(db, "load-monitor", Role.Monitor, null, Users.NewPassword(), cancellationToken: cancellationToken);
        if (added.Failure is { } refused)
        {
            throw new InvalidOperationException($"The benchmark's monitor could not be added: {refused.Title}");
        }
        var token = await Users.CreateTokenAsync(db, "load-monitor", TimeSpan.FromDays(1), cancellationToken: cancellationToken);
        return token.Value.Secret;
    }

    /// <summary>
    /// What a commit waits for on this store, as the engine reports it: the figures mean little without it
    /// (a test server with fsync=off acknowledges before anything reaches the disk).
    /// </summary>
    private static async Task<string> DurabilityAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        await using var db = new Store(location, TimeProvider.System).Open();
        var settings = location.Engine == Storage.Engine.Sqlite
            ? new[] { "journal_mode", "synchronous" }.Select(name => (name, sql: $"PRAGMA {name}"))
            : new[] { "fsync", "synchronous_commit", "wal_sync_method" }.Select(name => (name, sql: $"SHOW {name}"));
        // Opened through EF, so the connection is set up as the server's are.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var values = new List<string>();
        foreach (var (name, sql) in settings)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            values.Add($"{name}={await command.ExecuteScalarAsync(cancellationToken)}");
        }
        return string.Join(", ", values);
    }

    internal static HttpClient Client(Uri baseAddress, int clients)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        return http;
    }

    /// <summary>A monitor's field report; every body has the same length, only its id differs.</summary>
    internal static byte[] Body(Guid id, string observedAt) => Encoding.UTF8.GetBytes(
        $$"""{"id":"{{id:D}}","observedAt":"{{observedAt}}","timePrecision":"exact","latitude":39.8177,"longitude":46.7528,"locationPrecisionM":200,"areaName":"Khankendi","category":"explosion","count":2,"sensor":"heard","narrative":"Two explosions to the north-east, heard from the observation post.","source":"Patrol A-1"}""");

    private static async Task<PhaseResult> RunPhaseAsync(
        HttpClient http, string path, AuthenticationHeaderValue? bearer, string observedAt, LoadOptions options, ConcurrentQueue<Guid>? acknowledged, CancellationToken cancellationToken)
    {
        var issued = 0L;
        var failed = 0L;
        var latencies = new List<long>[options.Clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
        {
            var mine = latencies[client] = new List<long>(1024);
            while (clock.Elapsed < options.Phase && Interlocked.Increment(ref issued) <= options.MaxRequests)
            {
                var id = Guid.NewGuid();
                using var content = new ByteArrayContent(Body(id, observedAt));
                content.Headers.ContentType = JsonType;
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                // The ceiling needs no sign-in, so it is measured without the bearer lookup a submission pays for.
                request.Headers.Authorization = bearer;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, cancellationToken);
                    var elapsed = Stopwatch.GetTimestamp() - started;
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                        continue;
                    }
                    mine.Add(elapsed);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        acknowledged?.Enqueue(id);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var total = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new PhaseResult(all.Length, failed, total, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(long[] sorted, double quantile) => sorted.Length == 0
        ? 0
        : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    /// <summary>Rows stored, observation entries journaled, and acknowledged ids missing from either.</summary>
    internal static async Task<(long Stored, long Journaled, long Missing)> CountAsync(
        StoreLocation location, Guid[] acknowledged, CancellationToken cancellationToken)
    {
        var store = new Store(location, TimeProvider.System);
        await using var db = store.Open();
        var stored = (await db.Observations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        var journaled = await db.Journal.AsNoTracking().Where(e => e.Entity == "observations" && e.Action == "insert")
            .Select(e => e.RecordKey).ToListAsync(cancellationToken);
        var journaledIds = journaled.ToHashSet(StringComparer.Ordinal);
        var missing = acknowledged.LongCount(id => !stored.Contains(id) || !journaledIds.Contains(id.ToString("D")));
        return (stored.Count, journaled.Count, missing);
    }
}
