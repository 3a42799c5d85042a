using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Truce.Access;

namespace Truce.Browser.Tests;

/// <summary>Each test opens its own browser context in the run's one Chromium (<see cref="SharedChromium"/>).</summary>
public sealed class ReportingTests(SharedChromium chromium)
{
    [Fact]
    public async Task A_monitor_signs_in_reports_from_a_phone_and_finds_the_report_in_the_list_and_on_the_map()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var password = await mission.AddUserAsync("monitor.field", Role.Monitor);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = mission.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true,
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync("monitor.field");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Report", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Report an observation" })).ToBeVisibleAsync();

        await page.GetByLabel("Latitude", new() { Exact = true }).FillAsync("40.88066");
        await page.GetByLabel("Longitude", new() { Exact = true }).FillAsync("45.38901");
        await page.GetByLabel("Category").SelectOptionAsync("heavy_machine_gun_fire");
        await page.GetByLabel("How known").SelectOptionAsync("heard");
        await page.GetByLabel("Source (patrol, camera, person)").FillAsync("Patrol Berd-2");
        await page.GetByLabel("Narrative").FillAsync("Three bursts of HMG fire east of Berd.");
        var fitsThePhone = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit observation" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/observations/[0-9a-f-]{36}$"), Navigation.Parsed);
        var id = page.Url[^36..];
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Observation: Heavy-machine-gun fire" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Three bursts of HMG fire east of Berd.")).ToBeVisibleAsync();

        await page.GotoAsync("/observations");
        await Assertions.Expect(page.Locator($"a[href='/observations/{id}']").First).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/map");
        // The map's layers arrive one fetch each; data-ready is set once all of them are drawn.
        await Assertions.Expect(page.Locator("#map[data-ready=true]")).ToHaveCountAsync(1);
        var marker = page.Locator($"path.obs-{id}");
        await Assertions.Expect(marker).ToHaveCountAsync(1);
        await marker.DispatchEventAsync("click");
        await Assertions.Expect(page.Locator(".leaflet-popup-content a")).ToHaveAttributeAsync("href", $"/observations/{id}");
        Assert.True(await page.Locator("path.incident").CountAsync() > 10, "the demo's incidents are drawn");

        Assert.True(fitsThePhone, "the report form fits a 390 px wide phone screen without scrolling sideways");
        Assert.Empty(scriptErrors);
    }
}
