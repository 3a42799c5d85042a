using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Routing;
using Microsoft.Playwright;
using Truce.Access;

namespace Truce.Browser.Tests;

/// <summary>axe-core on every page the app maps, signed out and as an analyst: no serious or critical violation.</summary>
public sealed class AccessibilityTests(SharedChromium chromium)
{
    [Fact]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation_signed_out_or_as_an_analyst()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var password = await mission.AddUserAsync("analyst.axe", Role.Analyst);
        var pages = Pages(mission);
        Assert.Contains("/", pages);
        Assert.Contains("/observations", pages);
        var findings = new List<string>();
        var audited = new List<string>();

        foreach (var signedIn in new[] { false, true })
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = mission.BaseUrl });
            context.SetDefaultTimeout(90_000);
            var page = await context.NewPageAsync();
            if (signedIn)
            {
                await PageLayoutTests.SignInAsync(page, "analyst.axe", password);
            }
            // One record of each kind too: the pages with parameters are checked through an example.
            await page.GotoAsync("/incidents");
            var incident = await page.Locator("table.list tbody td[data-label='Incident'] a").First.GetAttributeAsync("href");
            var detailPages = new List<string> { incident!, "/places?q=berd", "/places/az-khankendi" };
            if (signedIn)
            {
                await page.GotoAsync("/observations");
                detailPages.Add((await page.Locator("table.list tbody td[data-label='When'] a").First.GetAttributeAsync("href"))!);
            }
            foreach (var path in pages.Concat(detailPages))
            {
                var response = await page.GotoAsync(path);
                if (response?.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) != true)
                {
                    continue;
                }
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var result = await page.RunAxe();
                Assert.NotEmpty(result.Passes);
                audited.Add(path);
                findings.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
                    $"{(signedIn ? "analyst" : "signed out")} {path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}"));
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
        // Signed out, most pages are public; the rest lead to the sign-in page, which is checked too.
        Assert.True(audited.Count >= 2 * pages.Count, $"audited {audited.Count}: {string.Join(", ", audited)}");
    }

    /// <summary>The app's own GET routes outside /api without parameters, read from its endpoint data source.</summary>
    private static List<string> Pages(Mission mission) =>
        [.. mission.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Where(path => !path.StartsWith("/api", StringComparison.Ordinal) && !path.StartsWith("/openrosa", StringComparison.Ordinal) && !path.Contains('{', StringComparison.Ordinal) && !Regex.IsMatch(path, @"\.\w+$"))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
