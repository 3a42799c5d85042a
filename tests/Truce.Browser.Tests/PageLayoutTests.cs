using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Truce.Access;

namespace Truce.Browser.Tests;

/// <summary>Every field and action is reachable at phone and desktop widths; the incident map shows surroundings.</summary>
public sealed class PageLayoutTests(SharedChromium chromium)
{
    [Theory]
    [InlineData(375, 667)]
    [InlineData(1280, 800)]
    public async Task Every_field_and_action_of_the_lists_stays_visible_and_the_frame_stays_small(int width, int height)
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var password = await mission.AddUserAsync("admin.desk", Role.Administrator);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = mission.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = width < 600,
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "admin.desk", password);

        await page.GotoAsync("/admin/users");
        var disable = page.GetByRole(AriaRole.Button, new() { Name = "Disable" }).First;
        await Assertions.Expect(disable).ToBeVisibleAsync();
        await AssertInsideViewportAsync(page, disable, width);

        await page.GotoAsync("/observations");
        var first = page.Locator("table.list tbody tr").First;
        foreach (var column in new[] { "Where", "Source", "Incident" })
        {
            var cell = first.Locator($"td[data-label='{column}']");
            await Assertions.Expect(cell).ToBeVisibleAsync();
            await AssertInsideViewportAsync(page, cell, width);
        }
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the list fits the width without scrolling sideways");

        await page.GotoAsync("/places?q=berd");
        var place = page.Locator("table.list tbody tr").First;
        foreach (var column in new[] { "Name", "Other names", "Country", "Region" })
        {
            var cell = place.Locator($"td[data-label='{column}']");
            await Assertions.Expect(cell).ToBeVisibleAsync();
            await AssertInsideViewportAsync(page, cell, width);
        }
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the places fit the width without scrolling sideways");

        await page.GotoAsync("/webhooks");
        var subscribe = page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" });
        await Assertions.Expect(subscribe).ToBeVisibleAsync();
        await AssertInsideViewportAsync(page, subscribe, width);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the webhooks fit the width without scrolling sideways");

        await page.GotoAsync("/public/map");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the public map fits the width without scrolling sideways");

        // Issue 10's pages: the readiness table, and the registers with their forms (an administrator may write them).
        foreach (var (path, action) in new[] { ("/readiness", null), ("/registers/infrastructure", "/registers/infrastructure/projects"), ("/registers/mine-action", "/registers/mine-action/tasks") })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("table.list tbody tr").First).ToBeVisibleAsync();
            if (action is not null)
            {
                var record = page.Locator($"form[action='{action}']").GetByRole(AriaRole.Button, new() { Name = "Record" });
                await Assertions.Expect(record).ToBeVisibleAsync();
                await AssertInsideViewportAsync(page, record, width);
            }
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} fits the width without scrolling sideways");
        }

        if (width < 600)
        {
            // The header and the exercise banner leave at least 80% of a phone's screen to the page.
            var frame = await page.EvaluateAsync<double>(
                "document.querySelector('header.top').getBoundingClientRect().height + document.querySelector('.exercise').getBoundingClientRect().height");
            Assert.True(frame < 0.2 * height, $"header and banner take {frame} px of {height}");
        }
    }

    [Fact]
    public async Task The_incident_map_shows_the_surrounding_sites_and_zones_and_a_legend_from_the_pages_words()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = mission.BaseUrl });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync("/incidents");
        await page.Locator("table.list tbody tr td[data-label='Incident'] a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/incidents/[0-9a-f-]{36}$"), Navigation.Parsed);

        await Assertions.Expect(page.Locator("#map[data-ready='true']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#map path.incident")).ToHaveCountAsync(1);
        // Named sites around the point, inside the map's visible area, not one dot on blank ground.
        await Assertions.Expect(page.Locator("#map .site-label").First).ToBeVisibleAsync();
        var inView = await page.Locator("#map").EvaluateAsync<string[]>(
            """map => { const b = map.getBoundingClientRect(); return [...map.querySelectorAll('.site-label')].filter(l => { const r = l.getBoundingClientRect(), y = (r.top + r.bottom) / 2; return r.left >= b.left && r.left <= b.right && y >= b.top && y <= b.bottom; }).map(l => l.textContent); }""");
        Assert.True(inView.Length >= 1, "at least one site is named within the map's view");
        await Assertions.Expect(page.Locator("#map .legend")).ToContainTextAsync(
            await page.Locator("#map").GetAttributeAsync("data-status-verified") ?? "(no data-status-verified)");
        await Assertions.Expect(page.Locator("#map .legend")).ToContainTextAsync(
            await page.Locator("#map").GetAttributeAsync("data-legend-site") ?? "(no data-legend-site)");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Checkboxes_sit_beside_their_labels_and_filter_drop_downs_sit_level_with_the_inputs()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var password = await mission.AddUserAsync("analyst.forms", Role.Analyst);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = mission.BaseUrl });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "analyst.forms", password);

        await page.GotoAsync("/observations");
        var select = (await page.Locator("form.filters select[name=category]").BoundingBoxAsync())!;
        var date = (await page.Locator("form.filters input[name=from]").BoundingBoxAsync())!;
        Assert.True(Math.Abs(select.Y - date.Y) < 1 && Math.Abs(select.Height - date.Height) < 1, $"drop-down at {select.Y}+{select.Height}, input at {date.Y}+{date.Height}");

        // An incident of several reports has the split form, one checkbox per report.
        await page.GotoAsync("/incidents");
        var several = page.Locator("table.list tbody tr").Filter(new() { HasNotText = "(1 source" }).Locator("td[data-label='Incident'] a").First;
        await several.ClickAsync();
        var box = page.Locator("form[action$='/split'] input[type=checkbox]").First;
        await Assertions.Expect(box).ToBeVisibleAsync();
        var check = (await box.BoundingBoxAsync())!;
        var label = (await page.Locator("form[action$='/split'] label").First.BoundingBoxAsync())!;
        Assert.True(check.Width < 30 && check.Height < 30, $"the checkbox is {check.Width}x{check.Height} px");
        Assert.True(label.Height < 2.5 * check.Height, $"the label ({label.Height} px high) is on the checkbox's line");
        Assert.True(label.Width > check.Width * 3, "the label's text is beside the box");
    }

    internal static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), Navigation.Parsed);
    }

    private static async Task AssertInsideViewportAsync(IPage page, ILocator element, int width)
    {
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"{element} spans {box.X}..{box.X + box.Width} of {width} px");
    }
}
