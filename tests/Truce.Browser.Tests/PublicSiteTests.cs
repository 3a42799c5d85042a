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
}
