using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Truce.Access;
using Truce.Storage;
using Truce.Testing;

namespace Truce.Bench.Field;

/// <summary>
/// Runs `truce serve` as a process on a scratch SQLite store and one headless Chromium page at /field/, signed in as a
/// monitor. Phase 1: the outbox is filled with the link down, the slow link comes up, and the time until the last report
/// and its photo are sent is measured (the client's own sync: reports in order, files in 256 KiB parts checked by
/// SHA-256, IndexedDB updated as it goes). Phase 2: the same number of reports and photos posted one by one by a plain
/// fetch loop in the same page, over the same emulated link. Each phase then checks the server holds exactly what was
/// sent, once.
/// </summary>
public static class FieldBenchmark
{
    public static async Task<bool> RunAsync(FieldOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var chromium = Environment.GetEnvironmentVariable("TRUCE_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        await using var scratch = await ScratchStore.CreateAsync(postgresAdmin: null, cancellationToken);
        var data = Directory.CreateTempSubdirectory("truce-bench-field-");
        try
        {
            var store = new Store(scratch.Location, TimeProvider.System);
            await store.MigrateAsync(cancellationToken);
            var password = Users.NewPassword();
            await using (var db = store.Open())
            {
                if ((await Users.AddAsync(db, "monitor.bench", Role.Monitor, null, password, cancellationToken: cancellationToken)).Failure is { } failure)
                {
                    throw new InvalidOperationException(failure.Title);
                }
            }
            // The per-user evidence limit would measure the limiter, not the link.
            await using var server = new TruceServer(scratch.Location, $"--Data={data.FullName}", "--Logging:LogLevel:Default=Warning", "--RateLimits:EvidencePerMinute=0");
            await server.StartAsync(cancellationToken);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium, Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true,
            });
            context.SetDefaultTimeout(120_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/field/");
            await page.GetByLabel("User name").FillAsync("monitor.bench");
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            // Signed in once the app names the monitor (the session is then in IndexedDB).
            await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("monitor.bench", new() { Timeout = 60_000 });
            await ReadyAsync(page);
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");

            // Phase 1: Truce's client. Recorded with no link; the slow link comes up; the 'online' event starts the sync.
            await LinkAsync(cdp, options, offline: true);
            var arguments = new Dictionary<string, object> { ["reports"] = options.Reports, ["photos"] = options.Photos, ["photoBytes"] = options.PhotoBytes, ["tag"] = "outbox" };
            var held = await page.EvaluateAsync<int>(Script("outbox-fill.js"), arguments);
            var clock = Stopwatch.StartNew();
            await LinkAsync(cdp, options, offline: false);
            var deadline = DateTime.UtcNow.AddHours(2);
            while (await page.EvaluateAsync<int>("import('/field/outbox.js').then(m => m.reports.all()).then(all => all.filter(r => r.state !== 'sent').length)") > 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("the outbox was not sent within two hours");
                }
                await Task.Delay(250, cancellationToken);
            }
            var outbox = clock.Elapsed;
            var outboxOk = await CheckAsync(store, "outbox", options, output, cancellationToken) && held == options.Reports;

            // Phase 2: the same uploads one by one, without the client, over the same link.
            arguments["tag"] = "plain";
            var plain = TimeSpan.FromMilliseconds(await page.EvaluateAsync<double>(Script("one-by-one.js"), arguments));
            var plainOk = await CheckAsync(store, "plain", options, output, cancellationToken);

            var requests = options.Reports + options.Photos;
            var payload = options.Photos * (long)options.PhotoBytes;
            // The floor of either way: one latency per request, one transfer of the photos at the upload rate.
            var floor = TimeSpan.FromSeconds(requests * options.LatencyMs / 1000 + payload / options.UploadBytesPerSecond);
            await output.WriteLineAsync("way | seconds | reports/s | vs floor");
            await output.WriteLineAsync(Row("Truce's field client (outbox sync)", outbox, options.Reports, floor));
            await output.WriteLineAsync(Row("one by one (plain fetch, multipart)", plain, options.Reports, floor));
            await output.WriteLineAsync($"floor (latency x {requests} requests + {payload} bytes at the upload rate) | {floor.TotalSeconds:F1} | |");
            return outboxOk && plainOk;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static string Row(string way, TimeSpan took, int reports, TimeSpan floor) => string.Create(CultureInfo.InvariantCulture,
        $"{way} | {took.TotalSeconds:F1} | {reports / took.TotalSeconds:F1} | {took / floor:F2}x");

    private static async Task LinkAsync(ICDPSession cdp, FieldOptions options, bool offline) =>
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = offline, ["latency"] = options.LatencyMs,
            ["downloadThroughput"] = options.DownloadBytesPerSecond, ["uploadThroughput"] = options.UploadBytesPerSecond,
        });

    /// <summary>Exactly the reports of the phase, each once, and exactly its photos, each attached once.</summary>
    private static async Task<bool> CheckAsync(Store store, string tag, FieldOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var db = store.Open();
        var prefix = tag + " ";
        var stored = await db.Observations.Include(o => o.Evidence).Where(o => o.Narrative.StartsWith(prefix)).ToListAsync(cancellationToken);
        var narratives = stored.Select(o => o.Narrative).Distinct().Count();
        var photos = stored.Sum(o => o.Evidence.Count);
        var ok = stored.Count == options.Reports && narratives == options.Reports && photos == options.Photos;
        await output.WriteLineAsync($"{tag}: {stored.Count} observations ({narratives} distinct), {photos} photos attached{(ok ? "" : $" -- expected {options.Reports} and {options.Photos}")}");
        return ok;
    }

    private static string Script(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        // The scripts' own comments are for their readers; the page is given the function alone.
        return string.Join('\n', reader.ReadToEnd().Split('\n').Where(line => !line.StartsWith("//", StringComparison.Ordinal)));
    }

    /// <summary>Polled (Playwright's WaitForFunction evals its string, which the app's CSP refuses).</summary>
    private static async Task ReadyAsync(IPage page)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null && document.body.dataset.ready === 'true'"))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the field app was not ready within 90 s");
            }
            await Task.Delay(200);
        }
    }
}
