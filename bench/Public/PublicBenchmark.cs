using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Truce.Testing;

namespace Truce.Bench.Public;

/// <summary>
/// Issue 11's "fast" line: the public pages of `truce serve --demo`, as a process on 127.0.0.1, read by many clients over
/// keep-alive, beside the same server sending a static file of the home page's size (the home page's own bytes, written
/// to the data folder) in the same run. Each target is read in turn, warm-up first, so they never share the machine.
/// </summary>
internal static class PublicBenchmark
{
    public const string StaticName = "static";

    /// <summary>Where the server sends the file (Web/Bench/BenchEndpoints.cs) and what the file is called in its data folder.</summary>
    private const string StaticFile = "bench-static.html";

    public static async Task<IReadOnlyList<TargetResult>> RunAsync(PublicOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        options = options.Capped();
        await using var scratch = await ScratchStore.CreateAsync(null, cancellationToken);
        var data = Directory.CreateTempSubdirectory("truce-bench-public-").FullName;
        try
        {
            await using var server = new TruceServer(scratch.Location, "--demo", $"--Data={data}", "--Bench:Echo=true", "--Logging:LogLevel:Default=Warning");
            await server.StartAsync(cancellationToken);
            using var http = Client(server.BaseAddress, options.Clients);

            var home = await http.GetByteArrayAsync("/public", cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(data, StaticFile), home, cancellationToken);
            var targets = new (string Name, string Path)[]
            {
                (StaticName, $"/api/bench/{StaticFile}"),
                ("home", "/public"),
                ("report", $"/public/reports/{await LatestReportAsync(http, cancellationToken)}"),
                ("archive", "/public/archive"),
                ("map", "/public/map"),
                ("feed", "/public/feed.atom"),
            };
            var results = new List<TargetResult>();
            foreach (var (name, path) in targets)
            {
                await RunPhaseAsync(http, name, path, options.WarmUp, cancellationToken);
                var result = await RunPhaseAsync(http, name, path, options, cancellationToken);
                results.Add(result);
                await log.WriteLineAsync(Line(result, options.Clients, results[0].PerSecond));
            }
            return results;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    public static string Header => $"{"target",-8} {"clients",7} {"bytes",7} {"requests",9} {"failed",6} {"req/s",9} {"p50 ms",7} {"p99 ms",7} {"of static",9}";

    private static string Line(TargetResult r, int clients, double staticRate) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Name,-8} {clients,7} {r.Bytes,7} {r.Succeeded,9} {r.Failed,6} {r.PerSecond,9:F0} {r.P50Ms,7:F2} {r.P99Ms,7:F2} {(staticRate > 0 ? r.PerSecond / staticRate : 0),9:P0}");

    /// <summary>The newest published report, as the public API lists them (newest period first).</summary>
    private static async Task<Guid> LatestReportAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var reports = JsonDocument.Parse(await http.GetStringAsync("/api/reports", cancellationToken));
        return reports.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).FirstOrDefault() is { } id && id != Guid.Empty
            ? id
            : throw new InvalidOperationException("The demo mission published no report: there is no report page to measure.");
    }

    /// <summary>Keep-alive connections, one per client; no cookies kept, no compression asked for: every request is a first-time visitor's.</summary>
    private static HttpClient Client(Uri baseAddress, int clients) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static async Task<TargetResult> RunPhaseAsync(HttpClient http, string name, string path, PublicOptions options, CancellationToken cancellationToken)
    {
        var failed = 0L;
        var bytes = 0L;
        var latencies = new List<long>[options.Clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
        {
            var mine = latencies[client] = new List<long>(4096);
            while (clock.Elapsed < options.Phase)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path, cancellationToken);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var elapsed = Stopwatch.GetTimestamp() - started;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failed);
                        continue;
                    }
                    mine.Add(elapsed);
                    Interlocked.Exchange(ref bytes, body.LongLength);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var total = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new TargetResult(name, path, all.Length, failed, total, Percentile(all, 0.50), Percentile(all, 0.99), bytes);
    }

    private static double Percentile(long[] sorted, double quantile) => sorted.Length == 0
        ? 0
        : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
