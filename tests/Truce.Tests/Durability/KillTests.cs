using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Durability;

/// <summary>
/// "No acknowledged submission is ever lost, even when the process is killed mid-write": `truce serve` runs
/// as a real process, field clients submit in a loop, and the server is killed with SIGKILL at random
/// moments and started again on the same store, many times.
/// </summary>
public sealed class KillTests
{
    private const int Clients = 4;
    private const int MinKills = 5;
    private const int MaxKills = 15;
    private static readonly TimeSpan KillBudget = TimeSpan.FromSeconds(35);

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Every_acknowledged_observation_survives_SIGKILL_exactly_once_and_the_journal_verifies(Engine engine)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var store = await ScratchStore.CreateAsync(engine);
        var token = await MonitorTokenAsync(store.Location);
        var reports = GedReports();
        var random = new Random(20261129);
        var field = new FieldClients(reports, new Random(random.Next()));

        await using (var server = new TruceServer(store.Location, "--Logging:LogLevel:Default=Warning"))
        {
            await server.StartAsync(cancellation);
            using var http = Client(server.BaseAddress, token);
            using var stop = new CancellationTokenSource();
            var loops = Enumerable.Range(0, Clients).Select(c => field.SubmitLoopAsync(http, c, stop.Token)).ToArray();
            var kills = 0;
            var elapsed = Stopwatch.StartNew();
            try
            {
                // At least MinKills however slow the machine; more while the time budget lasts.
                while (kills < MinKills || (kills < MaxKills && elapsed.Elapsed < KillBudget))
                {
                    // A fresh process spends its first moments compiling; kill it only once it acknowledges again,
                    // then at a random moment while the clients keep writing.
                    await field.NextAcknowledgementAsync(TimeSpan.FromSeconds(15), cancellation);
                    await Task.Delay(random.Next(100, 600), cancellation);
                    await server.KillAsync();
                    kills++;
                    await server.StartAsync(cancellation);
                }
            }
            finally
            {
                await stop.CancelAsync();
                await Task.WhenAll(loops);
            }
            var beforeRetry = field.Acknowledged.Count;
            // What a field client does once the server is back: retry every unacknowledged submission, same id, same body.
            await field.RetryUnacknowledgedAsync(http, cancellation);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{engine}: {kills} kills, {field.Submitted.Count} submitted, {beforeRetry} acknowledged during the kills, " +
                $"{field.Replayed} answered as retries (200), {field.Failures} connection failures; server log tail:\n{server.Log[^Math.Min(2000, server.Log.Length)..]}");

            Assert.True(field.Unexpected.IsEmpty, string.Join("\n", field.Unexpected.Take(3)));
            Assert.True(beforeRetry > kills, $"only {beforeRetry} observations were acknowledged across {kills} kills");
            Assert.Equal(field.Submitted.Count, field.Acknowledged.Count);
            await server.KillAsync();

            var verify = await server.RunVerbAsync(["verify"], cancellationToken: cancellation);
            Assert.True(verify.ExitCode == 0, $"truce verify exited {verify.ExitCode}: {verify.Output}");
        }

        var reader = new Store(store.Location, TimeProvider.System);
        await using var db = reader.Open();
        var rows = await db.Observations.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellation);
        Assert.Equal(field.Submitted.Count, rows.Count);
        foreach (var (id, report) in field.Submitted)
        {
            Assert.True(rows.TryGetValue(id, out var stored), $"acknowledged observation {id} is missing");
            Assert.Equal(report.Latitude, stored.Latitude);
            Assert.Equal(report.Longitude, stored.Longitude);
            Assert.Equal(report.Day, stored.ObservedFrom.UtcDateTime.Date);
            Assert.Equal(report.CiviliansKilled, stored.CiviliansKilled);
            Assert.Equal(report.CombatantsKilled, stored.CombatantsKilled);
            Assert.Equal(report.Narrative, stored.Narrative);
            Assert.Equal(report.GedId, stored.SourceExternalId);
        }
        var journaled = await db.Journal.AsNoTracking().Where(e => e.Entity == "observations")
            .Select(e => new { e.RecordKey, e.Action }).ToListAsync(cancellation);
        Assert.All(journaled, e => Assert.Equal("insert", e.Action));
        Assert.Equal(
            field.Submitted.Keys.Select(id => id.ToString("D")).Order(StringComparer.Ordinal),
            journaled.Select(e => e.RecordKey).Order(StringComparer.Ordinal));
    }

    /// <summary>A monitor and its bearer token, made before the first start, as `truce user add` and `truce token create` would.</summary>
    private static async Task<string> MonitorTokenAsync(StoreLocation location)
    {
        var store = new Store(location, TimeProvider.System);
        await store.MigrateAsync();
        await using var db = store.Open();
        Assert.True((await Users.AddAsync(db, "field-monitor", Role.Monitor, null, Users.NewPassword())).Succeeded);
        return (await Users.CreateTokenAsync(db, "field-monitor", TimeSpan.FromDays(1))).Value.Secret;
    }

    private static HttpClient Client(Uri baseAddress, string token)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), MaxConnectionsPerServer = Clients };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Real events (UCDP GED sample) as a monitor's reports: where, which day, who was killed.</summary>
    private static List<GedReport> GedReports()
    {
        using var parser = new TextFieldParser(TestEnvironment.SharedData("conflict_events", "ucdp_ged231_random_sample_1000.csv"))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
        };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int Column(string name) => Array.IndexOf(header, name);
        var (id, lat, lon, day, civilians, sideA, sideB, where, dyad) = (Column("id"), Column("latitude"), Column("longitude"),
            Column("date_start"), Column("deaths_civilians"), Column("deaths_a"), Column("deaths_b"), Column("where_description"), Column("dyad_name"));
        var reports = new List<GedReport>();
        while (parser.ReadFields() is { } row)
        {
            reports.Add(new GedReport(
                row[id],
                double.Parse(row[lat], CultureInfo.InvariantCulture),
                double.Parse(row[lon], CultureInfo.InvariantCulture),
                DateTime.ParseExact(row[day][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                int.Parse(row[civilians], CultureInfo.InvariantCulture),
                int.Parse(row[sideA], CultureInfo.InvariantCulture) + int.Parse(row[sideB], CultureInfo.InvariantCulture),
                $"{row[where]}: {row[dyad]}".Trim()));
        }
        Assert.True(reports.Count > 500);
        return reports;
    }

    private sealed record GedReport(string GedId, double Latitude, double Longitude, DateTime Day, int CiviliansKilled, int CombatantsKilled, string Narrative)
    {
        public byte[] Body(Guid observationId) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["id"] = observationId,
            ["observedAt"] = Day.ToString("yyyy-MM-dd'T'12:00:00'Z'", CultureInfo.InvariantCulture),
            ["timePrecision"] = "day",
            ["latitude"] = Latitude,
            ["longitude"] = Longitude,
            ["category"] = CiviliansKilled > 0 ? "civilian_harm" : "small_arms_fire",
            ["sensor"] = "told_by",
            ["civiliansKilled"] = CiviliansKilled,
            ["combatantsKilled"] = CombatantsKilled,
            ["narrative"] = Narrative,
            ["source"] = "UCDP GED",
            ["sourceExternalId"] = GedId,
        });
    }

    /// <summary>
    /// Field clients that keep every submission until it is acknowledged (201 or 200) and retry it with the
    /// same id and body after any failure, as a phone that lost its connection does.
    /// </summary>
    private sealed class FieldClients(List<GedReport> reports, Random random)
    {
        private static readonly MediaTypeHeaderValue JsonType = new("application/json");
        private int _next = -1;
        private int _replayed;
        private int _failures;

        public ConcurrentDictionary<Guid, GedReport> Submitted { get; } = new();

        public ConcurrentDictionary<Guid, HttpStatusCode> Acknowledged { get; } = new();

        /// <summary>Any answer other than an acknowledgement: a 500, a 409 for a retry, a refusal.</summary>
        public ConcurrentQueue<string> Unexpected { get; } = new();

        public int Replayed => _replayed;

        public int Failures => _failures;

        public async Task SubmitLoopAsync(HttpClient http, int client, CancellationToken stop)
        {
            (Guid Id, GedReport Report)? pending = null;
            while (!stop.IsCancellationRequested)
            {
                pending ??= NewSubmission();
                if (await TrySubmitAsync(http, pending.Value.Id, pending.Value.Report, stop))
                {
                    pending = null;
                }
                else if (!stop.IsCancellationRequested)
                {
                    await Task.Delay(20 + client, CancellationToken.None);
                }
            }
        }

        public async Task NextAcknowledgementAsync(TimeSpan timeout, CancellationToken cancellation)
        {
            var seen = Acknowledged.Count;
            var waited = Stopwatch.StartNew();
            while (Acknowledged.Count == seen && waited.Elapsed < timeout)
            {
                await Task.Delay(10, cancellation);
            }
        }

        public async Task RetryUnacknowledgedAsync(HttpClient http, CancellationToken cancellation)
        {
            foreach (var (id, report) in Submitted.Where(s => !Acknowledged.ContainsKey(s.Key)).ToList())
            {
                for (var attempt = 0; attempt < 5 && !await TrySubmitAsync(http, id, report, cancellation); attempt++)
                {
                    await Task.Delay(100, cancellation);
                }
            }
        }

        private (Guid, GedReport) NewSubmission()
        {
            var index = Interlocked.Increment(ref _next);
            Span<byte> bytes = stackalloc byte[16];
            lock (random)
            {
                random.NextBytes(bytes);
            }
            var id = new Guid(bytes);
            var report = reports[index % reports.Count];
            Submitted[id] = report;
            return (id, report);
        }

        private async Task<bool> TrySubmitAsync(HttpClient http, Guid id, GedReport report, CancellationToken cancellation)
        {
            using var content = new ByteArrayContent(report.Body(id));
            content.Headers.ContentType = JsonType;
            try
            {
                using var response = await http.PostAsync("/api/observations", content, cancellation);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref _replayed);
                    }
                    Acknowledged[id] = response.StatusCode;
                    return true;
                }
                Unexpected.Enqueue($"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                return false;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The server was killed under the request, or is not listening yet: not acknowledged, so retried.
                Interlocked.Increment(ref _failures);
                return false;
            }
        }
    }
}
