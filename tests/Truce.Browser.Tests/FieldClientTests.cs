using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Truce.Access;
using Truce.Storage;

namespace Truce.Browser.Tests;

/// <summary>The field client at /field/: installable, records with no network, survives a reload, sends exactly once.</summary>
public sealed class FieldClientTests(SharedChromium chromium)
{
    /// <summary>The issue's count: fifty reports, each with its photo, recorded offline (bench/Field syncs a thousand).</summary>
    public const int IssueCount = 50;

    /// <summary>A distinct time on the device's clock for the n-th report: one an hour from midnight on 29 November.</summary>
    private static string DeviceTime(int n, int minute) =>
        new DateTime(2026, 11, 29, 0, minute, 0).AddHours(n).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(IssueCount)]
    public async Task A_monitor_records_reports_with_photos_offline_reloads_and_on_reconnecting_the_server_has_each_exactly_once(int reports)
    {
        var browser = await chromium.BrowserAsync();
        // Fifty photos in a minute are more than the default per-user limit (30 files a minute); the client would wait
        // out the 429s with its backoff, which makes a slow test, not a different one.
        await using var mission = await Mission.StartAsync(new Dictionary<string, string?> { ["RateLimits:EvidencePerMinute"] = "200" });
        var password = await mission.AddUserAsync("monitor.patrol", Role.Monitor);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = mission.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, ServiceWorkers = ServiceWorkerPolicy.Allow,
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        // Signed in, the service worker has cached the shell and the mission's data, and controls the page.
        await SignInAsync(page, "monitor.patrol", password);
        var manifest = await page.EvaluateAsync<string>("fetch('/field/manifest.webmanifest').then(r => r.json()).then(m => m.start_url + ' ' + m.display + ' ' + m.icons.length)");
        Assert.Equal("/field/ standalone 3", manifest);
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("monitor.patrol");
        await Assertions.Expect(page.Locator("#parties option")).Not.ToHaveCountAsync(1);

        await context.SetOfflineAsync(true);
        await Assertions.Expect(page.Locator("#network")).ToHaveTextAsync("offline");
        // A report the rules refuse stays on the device, unsaved, with the field named.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to outbox" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-errors")).ToContainTextAsync("Category");
        await page.GetByLabel("How many").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to outbox" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-errors")).ToContainTextAsync("How many: must be between 1 and 100000.");

        for (var i = 0; i < reports; i++)
        {
            await RecordAsync(page, i + 1, DeviceTime(i, 15), $"40.8{i}", "45.38901", "explosion", i + 1, $"Offline report {i}.", new FilePayload
            {
                Name = $"crater-{i}.jpg", MimeType = "image/jpeg", Buffer = [.. Enumerable.Range(0, 300_000 + i).Select(b => (byte)(b * 7 + i))],
            });
        }
        Assert.Equal(Enumerable.Repeat("waiting", reports), await page.Locator("#outbox-list li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.state)"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the field app fits a phone's width");

        // Closed and opened again with no network: the shell comes from the cache, the outbox from IndexedDB.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#outbox-list li[data-state=waiting]")).ToHaveCountAsync(reports);
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("monitor.patrol");
        Assert.Equal(0, await CountAsync(mission));

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#outbox-list li[data-state=sent]")).ToHaveCountAsync(reports, new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#outbox-list li .files").First).ToHaveTextAsync(" · 1 of 1 files sent");
        // Another press of "send now" sends nothing again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send now" }).ClickAsync();

        await using var db = mission.App.Services.GetRequiredService<Store>().Open();
        var monitor = await db.Users.SingleAsync(u => u.Name == "monitor.patrol");
        var stored = await db.Observations.Include(o => o.Evidence).Where(o => o.ReporterId == monitor.Id).ToListAsync();
        Assert.Equal(reports, stored.Count);
        Assert.Equal(Enumerable.Range(1, reports), stored.Select(o => o.Count).Order());
        Assert.All(stored, o => Assert.Single(o.Evidence));
        Assert.Equal(reports, stored.SelectMany(o => o.Evidence).Select(e => e.Sha256).Distinct().Count());
        Assert.All(stored.SelectMany(o => o.Evidence), e => Assert.True(e.Length >= 300_000));
        Assert.Empty(scriptErrors);
    }

    private static async Task<int> CountAsync(Mission mission)
    {
        await using var db = mission.App.Services.GetRequiredService<Store>().Open();
        return await db.Observations.CountAsync(o => o.Narrative.StartsWith("Offline report"));
    }

    /// <summary>The issue's fifty again, with the server killed (SIGKILL) as soon as the sync has started.</summary>
    [Theory]
    [InlineData(IssueCount)]
    public async Task A_server_killed_halfway_through_the_sync_and_started_again_loses_nothing_and_duplicates_nothing(int reports)
    {
        var browser = await chromium.BrowserAsync();
        var cancellation = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite, cancellation);
        var data = Directory.CreateTempSubdirectory("truce-field-kill-");
        var store = new Store(scratch.Location, TimeProvider.System);
        await store.MigrateAsync(cancellation);
        var password = Users.NewPassword();
        await using (var db = store.Open())
        {
            Assert.True((await Users.AddAsync(db, "monitor.kill", Role.Monitor, null, password, cancellationToken: cancellation)).Succeeded);
        }
        await using var server = new TruceServer(scratch.Location, $"--Data={data.FullName}", "--Logging:LogLevel:Default=Warning", "--RateLimits:EvidencePerMinute=200");
        await server.StartAsync(cancellation);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true,
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "monitor.kill", password);

        await context.SetOfflineAsync(true);
        for (var i = 0; i < reports; i++)
        {
            // Larger than one part, so that the kill can fall between the parts of a file.
            await RecordAsync(page, i + 1, DeviceTime(i, 40), "40.9", $"45.3{i}", "small_arms_fire", 10 + i, null, new FilePayload
            {
                Name = $"burst-{i}.jpg", MimeType = "image/jpeg", Buffer = [.. Enumerable.Range(0, 700_000).Select(b => (byte)(b * 13 + i))],
            });
        }

        // Back online: as soon as the first report is on its way, the server dies without a chance to finish anything.
        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#outbox-list li[data-state=sent], #outbox-list li[data-state=sending]").First).ToBeAttachedAsync();
        await server.KillAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#outbox-list li")).ToHaveCountAsync(reports);
        await server.StartAsync(cancellation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox-list li[data-state=sent]")).ToHaveCountAsync(reports, new() { Timeout = 120_000 });

        await using (var db = store.Open())
        {
            var stored = await db.Observations.Include(o => o.Evidence).ToListAsync(cancellation);
            Assert.Equal(Enumerable.Range(10, reports), stored.Select(o => o.Count).Order());
            Assert.All(stored, o => Assert.Single(o.Evidence));
            Assert.Equal(reports, await db.EvidenceFiles.CountAsync(cancellation));
        }
        var verify = await server.RunVerbAsync(["verify"], cancellationToken: cancellation);
        Assert.True(verify.ExitCode == 0, verify.Output);
        await server.KillAsync();
        data.Delete(recursive: true);
    }

    /// <summary>Signs in on /field/ and waits until the app is ready to work offline.</summary>
    private static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/field/");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ReadyAsync(page);
    }

    /// <summary>Fills the report form as a monitor would and saves it; the outbox then lists <paramref name="listed"/> reports.</summary>
    private static async Task RecordAsync(IPage page, int listed, string time, string latitude, string longitude, string category, int count,
        string? narrative, FilePayload? file)
    {
        await page.GetByLabel("Time (this device's clock)").FillAsync(time);
        await page.GetByLabel("Latitude", new() { Exact = true }).FillAsync(latitude);
        await page.GetByLabel("Longitude", new() { Exact = true }).FillAsync(longitude);
        await page.GetByLabel("Category").SelectOptionAsync(category);
        await page.GetByLabel("How many").FillAsync($"{count}");
        await page.GetByLabel("How known").SelectOptionAsync("heard");
        if (narrative is not null)
        {
            await page.GetByLabel("Narrative").FillAsync(narrative);
        }
        if (file is not null)
        {
            await page.GetByLabel("Photos, recordings, files").SetInputFilesAsync(file);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to outbox" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outbox-list li")).ToHaveCountAsync(listed);
    }

    /// <summary>
    /// Waits until the service worker controls the page and the app says it is ready. Polled from here with
    /// EvaluateAsync: Playwright's WaitForFunction evaluates its string with eval when it has to poll, which the
    /// app's Content-Security-Policy (script-src 'self') rightly refuses.
    /// </summary>
    /// <summary>
    /// A server that answers 429 with Retry-After (here its per-user limit of two submissions a minute) is left alone
    /// until then: the refused report waits the time it was given, not the client's own backoff of seconds, and the
    /// reports after it are not tried one by one meanwhile, even by the client's next scheduled run.
    /// </summary>
    [Fact]
    public async Task A_server_that_says_Retry_After_is_left_alone_until_then()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync(new Dictionary<string, string?> { ["RateLimits:SubmissionsPerMinute"] = "2" });
        var password = await mission.AddUserAsync("monitor.pause", Role.Monitor);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = mission.BaseUrl, ServiceWorkers = ServiceWorkerPolicy.Allow,
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "monitor.pause", password);
        await Assertions.Expect(page.Locator("#parties option")).Not.ToHaveCountAsync(1);

        await context.SetOfflineAsync(true);
        for (var i = 0; i < 4; i++)
        {
            await RecordAsync(page, i + 1, DeviceTime(i, 40), $"40.8{i}", "45.38901", "explosion", i + 1, $"Paused report {i}.", null);
        }
        var online = DateTimeOffset.UtcNow;
        await context.SetOfflineAsync(false);

        await Assertions.Expect(page.Locator("#outbox-list li[data-state=sent]")).ToHaveCountAsync(2);
        var paused = page.Locator("#outbox-list li[data-state=waiting][data-next-attempt]");
        await Assertions.Expect(paused).ToHaveCountAsync(1);
        var next = DateTimeOffset.Parse(await paused.GetAttributeAsync("data-next-attempt") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        // The rest of the limiter's minute, not the backoff after one failure (4 s).
        Assert.True(next - online > TimeSpan.FromSeconds(20), $"the next attempt is at {next:O}, {(next - online).TotalSeconds:F0} s after going online");

        // The client runs every 10 s; its next run must not try the fourth report while the server has asked for a pause.
        await Task.Delay(TimeSpan.FromSeconds(12), TestContext.Current.CancellationToken);
        await Assertions.Expect(page.Locator("#outbox-list li[data-state=sent]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#outbox-list li[data-next-attempt]")).ToHaveCountAsync(1);
        await using var db = mission.App.Services.GetRequiredService<Store>().Open();
        Assert.Equal(2, await db.Observations.CountAsync(o => o.Narrative.StartsWith("Paused report"), TestContext.Current.CancellationToken));
    }

    private static async Task ReadyAsync(IPage page)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null && document.body.dataset.ready === 'true'"))
        {
            Assert.True(DateTime.UtcNow < until, "the field app was not ready within 90 s");
            await Task.Delay(200);
        }
    }
}
