using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Truce.Testing;

namespace Truce.Bench.Load;

/// <summary>
/// Issue 14: many clients at once after the server has sat idle (a mission's monitors after an incident), against a
/// real `truce serve` on 127.0.0.1. The bounded queue must answer every request: stored (201), or busy (503 with
/// Retry-After, nothing stored), never another 5xx, never left waiting until the client's timeout.
/// </summary>
internal static class BurstBenchmark
{
    /// <summary>The client's own limit: a request unanswered this long counts as timed out.</summary>
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(10);

    public static async Task<BurstReport> RunAsync(string? postgresAdmin, int clients, TimeSpan length, TextWriter log, CancellationToken cancellationToken = default)
    {
        await using var scratch = await ScratchStore.CreateAsync(postgresAdmin, cancellationToken);
        await using var server = new TruceServer(scratch.Location, "--Logging:LogLevel:Default=Warning");
        await server.StartAsync(cancellationToken);
        var bearer = new AuthenticationHeaderValue("Bearer", await LoadBenchmark.MonitorTokenAsync(scratch.Location, cancellationToken));
        using var http = LoadBenchmark.Client(server.BaseAddress, clients);
        http.Timeout = ClientTimeout;
        var observedAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        // Idle: nothing has been submitted yet, no connection is open, the writer has never run.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

        var acknowledged = new ConcurrentQueue<Guid>();
        long busy = 0, busyBare = 0, other = 0, timedOut = 0;
        var latencies = new ConcurrentBag<long>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < length)
            {
                var id = Guid.CreateVersion7();
                using var content = new ByteArrayContent(LoadBenchmark.Body(id, observedAt));
                content.Headers.ContentType = LoadBenchmark.JsonType;
                using var request = new HttpRequestMessage(HttpMethod.Post, LoadBenchmark.SubmitPath) { Content = content };
                request.Headers.Authorization = bearer;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, cancellationToken);
                    latencies.Add(Stopwatch.GetTimestamp() - started);
                    switch (response.StatusCode)
                    {
                        case HttpStatusCode.Created or HttpStatusCode.OK:
                            acknowledged.Enqueue(id);
                            break;
                        case HttpStatusCode.ServiceUnavailable when response.Headers.RetryAfter is { } retry:
                            Interlocked.Increment(ref busy);
                            // As a client should: wait as told before sending more.
                            await Task.Delay(retry.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                            break;
                        case HttpStatusCode.ServiceUnavailable:
                            Interlocked.Increment(ref busyBare);
                            break;
                        default:
                            Interlocked.Increment(ref other);
                            break;
                    }
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref timedOut);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref other);
                }
            }
        }));
        var sorted = latencies.Order().ToArray();
        var p99 = sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.99 * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

        await server.KillAsync();
        var (stored, journaled, missing) = await LoadBenchmark.CountAsync(scratch.Location, [.. acknowledged], cancellationToken);
        var report = new BurstReport(clients, length, acknowledged.Count, busy, busyBare, other, timedOut, p99, stored, journaled, missing);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{scratch.Location.Engine.ToString().ToLowerInvariant(),-9} burst {clients} clients {length.TotalSeconds} s after idle: acknowledged {report.Acknowledged}, " +
            $"503+Retry-After {report.Busy}, 503 without it {report.BusyWithoutRetryAfter}, other failures {report.OtherFailures}, timed out {report.TimedOut}, " +
            $"p99 {report.P99Ms:F0} ms; stored {report.Stored}, journaled {report.Journaled}, missing {report.AcknowledgedMissing}: {(report.Passed ? "passed" : "FAILED")}"));
        return report;
    }
}
