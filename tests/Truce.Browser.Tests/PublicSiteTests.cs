using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Truce.Access;

namespace Truce.Browser.Tests;

/// <summary>The public site on the demo mission: a visitor reads, follows, searches and comments; the mission moderates and publishes.</summary>
public sealed class PublicSiteTests(SharedChromium chromium)
{
    [Fact]
    public async Task A_visitor_reads_a_report_follows_a_related_one_searches_and_sees_their_comment_held()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = mission.BaseUrl });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/public");
        var first = page.Locator("ol.reports h2 a").First;
        var title = await first.TextContentAsync();
        await first.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title! })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Observation conditions:")).ToBeVisibleAsync();

        var related = page.Locator("ul.related a").First;
        var relatedTitle = await related.TextContentAsync();
        await related.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = relatedTitle! })).ToBeVisibleAsync();

        await page.GotoAsync("/public/search");
        await page.GetByLabel("Search the reports").FillAsync("northern crossing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.Locator("ol.reports h2 a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/public/reports/[0-9a-f-]{36}$"), Navigation.Parsed);

        await page.GetByLabel("Your name").FillAsync("Nune");
        await page.GetByLabel("Your comment").FillAsync("When will the crossing reopen?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("held for moderation");
        await Assertions.Expect(page.GetByText("When will the crossing reopen?")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_analyst_moderates_a_comment_publishes_a_report_and_finds_it_on_the_home_page_and_in_the_feed()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var password = await mission.AddUserAsync("analyst.web", Role.Analyst);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = mission.BaseUrl });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync("analyst.web");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), Navigation.Parsed);

        await page.GotoAsync("/reports/comments");
        var held = page.Locator("article.comment").Filter(new() { HasText = "road conditions" });
        await held.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByText("road conditions")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate draft" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"), Navigation.Parsed);
        await page.GetByLabel("Narrative (Markdown)").FillAsync("Patrols found the **northern corridor** open.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        var title = (await page.Locator("h1").TextContentAsync())!;
        Assert.Matches(@"^Daily Report \d+/\d{4}$", title);

        await page.GotoAsync("/public");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        var feed = await page.APIRequest.GetAsync("/public/feed.atom");
        Assert.Contains($"<title type=\"text\">{title}</title>", await feed.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_map_draws_each_square_of_the_grid_and_nothing_finer()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = mission.BaseUrl });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var fetched = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType is "fetch" or "xhr")
            {
                lock (fetched)
                {
                    fetched.Add(new Uri(request.Url).PathAndQuery);
                }
            }
        };

        await page.GotoAsync("/public/map");
        // Polled, not WaitForFunction: that evaluates with eval, which the page's CSP refuses.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await page.EvaluateAsync<bool>("() => document.getElementById('public-map').dataset.ready === 'true'"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the public map did not finish drawing within 60 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        using var grid = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/public/grid")).TextAsync());
        var features = grid.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        string[] Sorted(IEnumerable<string?> ids) => [.. ids.Select(id => id!).Order(StringComparer.Ordinal)];
        var squares = Sorted(features.Select(f => f.GetProperty("id").GetString()));
        var drawn = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#public-map path.grid-cell')].map(p => p.getAttribute('data-cell'))");
        var rows = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#public-map-table tbody tr')].map(r => r.getAttribute('data-cell'))");
        Assert.Equal(squares, Sorted(drawn));
        Assert.Equal(squares, Sorted(rows));

        // Nothing finer than a square: no marker, no other shape but the boundaries, data from the grid and the boundaries only,
        // and every square at least the grid's edge tall (a degree of latitude is 111.32 km).
        Assert.Equal(0, await page.Locator("#public-map .leaflet-marker-pane > *").CountAsync());
        Assert.Equal(drawn.Length, await page.Locator("#public-map .leaflet-overlay-pane path:not(.boundary)").CountAsync());
        lock (fetched)
        {
            Assert.All(fetched, path => Assert.Contains(path, new[] { "/api/public/grid", "/api/boundaries" }));
        }
        var edgeDegrees = grid.RootElement.GetProperty("cellKm").GetDouble() / 111.32;
        Assert.All(features, f =>
        {
            var ring = f.GetProperty("geometry").GetProperty("coordinates")[0];
            Assert.True(ring[2][1].GetDouble() - ring[0][1].GetDouble() >= edgeDegrees - 1e-5, f.GetProperty("id").GetString());
        });

        // The keyboard reaches a square, which says where it is and how many, as its table row does; the legend has a title.
        var first = page.Locator("#public-map path.grid-cell").First;
        var label = (await first.GetAttributeAsync("aria-label"))!;
        var row = page.Locator($"#public-map-table tr[data-cell='{await first.GetAttributeAsync("data-cell")}'] td");
        Assert.StartsWith((await row.First.TextContentAsync())!.Trim(), label, StringComparison.Ordinal);
        Assert.EndsWith(": " + (await row.Last.TextContentAsync())!.Trim(), label, StringComparison.Ordinal);
        await first.FocusAsync();
        await Assertions.Expect(page.Locator(".leaflet-tooltip")).ToHaveTextAsync(label);
        await Assertions.Expect(page.Locator("#public-map .legend strong")).ToHaveTextAsync("Verified incidents per square");
        Assert.Equal(grid.RootElement.GetProperty("features").GetArrayLength().ToString(CultureInfo.InvariantCulture),
            await page.EvaluateAsync<string>("() => document.getElementById('public-map').dataset.drawn"));
    }
}
