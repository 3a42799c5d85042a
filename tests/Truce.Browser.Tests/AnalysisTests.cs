using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Truce.Access;

namespace Truce.Browser.Tests;

/// <summary>Each test opens its own browser context in the run's one Chromium (<see cref="SharedChromium"/>).</summary>
public sealed class AnalysisTests(SharedChromium chromium)
{
    [Fact]
    public async Task An_analyst_accepts_a_proposal_assesses_the_incident_and_reads_the_metrics_chart()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var password = await mission.AddUserAsync("analyst.desk", Role.Analyst);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = mission.BaseUrl });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync("/login?returnUrl=%2Fcorroboration");
        await page.GetByLabel("User name").FillAsync("analyst.desk");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Corroboration proposals" })).ToBeVisibleAsync();

        // The demo leaves some reports of one event uncorroborated: the engine proposes them as one incident.
        var accept = page.GetByRole(AriaRole.Button, new() { Name = "Accept as one incident" }).First;
        await Assertions.Expect(accept).ToBeVisibleAsync();
        await accept.ClickAsync();
        await page.WaitForURLAsync(new Regex("/incidents/[0-9a-f-]{36}$"), Navigation.Parsed);
        await Assertions.Expect(page.Locator(".badge.status-reported")).ToBeVisibleAsync();

        await page.GetByLabel("Status").SelectOptionAsync("under_review");
        await page.GetByLabel("Source reliability").SelectOptionAsync("B");
        await page.GetByLabel("Information credibility").SelectOptionAsync("2");
        await page.GetByLabel("Rationale").FillAsync("Two patrols agree; checking the camera log.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".badge.status-under_review").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Two patrols agree; checking the camera log.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Metrics", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex(@"Recorded \d+ ceasefire violations"))).ToBeVisibleAsync();
        var chart = page.Locator("canvas");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        // The chart is drawn after its data arrives, so wait for a painted pixel rather than reading the canvas once.
        var drawn = await page.WaitForFunctionAsync(
            "() => { const c = document.getElementById('metrics-chart'); if (!c || !c.width) return false; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; }",
            null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });
        Assert.True(await drawn.JsonValueAsync<bool>(), "the chart drew something on its canvas");
        Assert.Empty(scriptErrors);
    }
}
