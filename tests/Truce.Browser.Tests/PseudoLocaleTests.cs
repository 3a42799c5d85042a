using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Playwright;
using Truce.Access;

namespace Truce.Browser.Tests;

/// <summary>
/// Every page in the pseudo-locale (every word accented, a third longer, wrapped in [ ]): a visible text that is not
/// wrapped did not come through the localiser; a page wider than the screen, or a text cut off, cannot take longer words.
/// The pages are listed from the app's own endpoints, so a new page cannot be missed.
/// </summary>
public sealed partial class PseudoLocaleTests(SharedChromium chromium)
{
    private const string Check = """
        () => {
          const unwrapped = [], cut = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const text = walker.currentNode.textContent.trim();
            const element = walker.currentNode.parentElement;
            if (!/\p{L}/u.test(text) || element.closest('[translate="no"], script, style, code, option, .leaflet-container')) continue;
            if (!element.checkVisibility()) continue;
            if (!/[\[\]]/.test(text)) unwrapped.push(text);
          }
          for (const element of document.body.querySelectorAll('*')) {
            const style = getComputedStyle(element);
            if (element.closest('.leaflet-container') || !element.checkVisibility() || !/\p{L}/u.test(element.textContent)) continue;
            // Deliberately hidden for sight (screen-reader text, a phone table's header whose cells label themselves)
            // and deliberate ellipses whose whole text is on hover (title) are not text cut off.
            if (element.closest('.sr') || style.clip.startsWith('rect') || (style.textOverflow === 'ellipsis' && element.title)) continue;
            if (/hidden|clip/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1) cut.push(element.tagName + '.' + element.className);
          }
          return { unwrapped, cut, width: document.documentElement.scrollWidth, viewport: window.innerWidth };
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_page_shows_only_localised_text_and_nothing_overflows_at_desktop_and_phone_widths(bool signedIn)
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync(new Dictionary<string, string?> { ["Languages:Pseudo"] = "true" });
        var password = await mission.AddUserAsync("analyst.pseudo", Role.Analyst);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = mission.BaseUrl });
        context.SetDefaultTimeout(90_000);
        await context.AddCookiesAsync([new Cookie { Name = "truce.language", Value = "c=qps-ploc|uic=qps-ploc", Url = mission.BaseUrl }]);
        var page = await context.NewPageAsync();
        if (signedIn)
        {
            await page.GotoAsync("/login");
            await page.Locator("input[name=name]").FillAsync("analyst.pseudo");
            await page.Locator("input[name=password]").FillAsync(password);
            await page.Locator("form.narrow button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(new Regex("/$"), Navigation.Parsed);
        }

        var pages = Pages(mission).ToList();
        // One detail page of each kind the viewer may see (the public sees published incidents, no raw observations).
        pages.AddRange(await FirstDetailAsync(page, "/incidents", "incidents"));
        pages.AddRange(await FirstDetailAsync(page, "/observations", "observations"));
        pages.Add("/places/az-khankendi");
        pages.Add("/places?q=berd");
        pages.Add("/no-such-page-" + Guid.NewGuid().ToString("N")[..6]);

        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1280, 900), (375, 740) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var path in pages)
            {
                await page.GotoAsync(path);
                var found = await page.EvaluateAsync<System.Text.Json.JsonElement>(Check);
                problems.AddRange(found.GetProperty("unwrapped").EnumerateArray().Select(t => $"{width}px {path}: not localised: \"{t}\""));
                problems.AddRange(found.GetProperty("cut").EnumerateArray().Select(e => $"{width}px {path}: text cut off in {e}"));
                if (found.GetProperty("width").GetInt32() > found.GetProperty("viewport").GetInt32())
                {
                    problems.Add($"{width}px {path}: the page is {found.GetProperty("width").GetInt32()}px wide");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// <summary>Every page: each GET endpoint outside the API with no route parameter (static files and the API's documents aside).</summary>
    private static IEnumerable<string> Pages(Mission mission) =>
        mission.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/api", StringComparison.Ordinal) && !p.StartsWith("/openapi", StringComparison.Ordinal) && !p.StartsWith("/openrosa", StringComparison.Ordinal)
                && p != "/healthz" && !p.Contains('{', StringComparison.Ordinal) && !p.Contains('.', StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static async Task<IEnumerable<string>> FirstDetailAsync(IPage page, string list, string kind)
    {
        await page.GotoAsync(list);
        var links = page.Locator($"main a[href^='/{kind}/']");
        return await links.CountAsync() == 0 ? [] : [(await links.First.GetAttributeAsync("href"))!];
    }
}
