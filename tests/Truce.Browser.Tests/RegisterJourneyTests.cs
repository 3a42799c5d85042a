using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Truce.Access;

namespace Truce.Browser.Tests;

/// <summary>
/// Issue 10 as a new user tries it on the demo mission, at desktop and phone widths: any of a town's names finds the same
/// place; the readiness page explains a locality that is not ready and sorts; a partner records a find through a form.
/// </summary>
public sealed class RegisterJourneyTests(SharedChromium chromium)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Each_name_of_Khankendi_finds_the_same_place_and_readiness_explains_each_locality_and_sorts(int width, int height)
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var password = await mission.AddUserAsync("partner.web", Role.Humanitarian);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = mission.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = width < 600,
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        foreach (var name in new[] { "Stepanakert", "Khankendi", "Ханкенди" })
        {
            await page.GotoAsync("/places");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Name" }).FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/places\\?q="));
            // The best match leads the list: an exact name before a longer one.
            var first = page.Locator("table.list tbody tr").First.Locator("td[data-label='Name'] a");
            await Assertions.Expect(first).ToHaveAttributeAsync("href", "/places/az-khankendi");
            Assert.True(await FitsAsync(page), $"the results for {name} fit {width} px");
        }

        // Aghdam is not ready, and says why: the hazardous area that holds it, the essential service that is missing.
        await page.GotoAsync("/readiness");
        var aghdam = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Aghdam", Exact = true }) });
        await Assertions.Expect(aghdam.Locator("td[data-label='Standing']")).ToHaveTextAsync("Not ready");
        await Assertions.Expect(aghdam.Locator("li[data-code='hazard_at_place']")).ToContainTextAsync("[EXERCISE] Minefield south of Aghdam");
        await Assertions.Expect(aghdam.Locator("li[data-code='service_unavailable']")).ToContainTextAsync("Water");
        await Assertions.Expect(aghdam.Locator("li[data-code='asset_damaged']")).ToContainTextAsync("[EXERCISE] Aghdam water pumping station");
        // An incident reason names the incident, with how far and how long ago.
        var incident = page.Locator("li[data-code='recent_incident']").First;
        await Assertions.Expect(incident).ToContainTextAsync(new Regex("Verified incident nearby: .+ \\(.*km.*\\)"));
        Assert.True(await FitsAsync(page), $"the readiness table fits {width} px");

        // Worst first by score; then by name when asked.
        var scores = (await page.Locator("td[data-label='Score']").AllTextContentsAsync()).Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToList();
        Assert.True(scores.Count >= 8, $"{scores.Count} localities");
        Assert.Equal([.. scores.Order()], scores);
        await page.GetByRole(AriaRole.Link, new() { Name = "Locality", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/readiness\\?sort=name$"));
        var names = (await page.Locator("td[data-label='Locality'] a").AllTextContentsAsync()).ToList();
        Assert.Equal([.. names.Order(StringComparer.Create(CultureInfo.GetCultureInfo("en"), false))], names);

        if (width < 600)
        {
            // A partner records devices found in the field, on a phone, through the page's form.
            await PageLayoutTests.SignInAsync(page, "partner.web", password);
            await page.GotoAsync("/registers/mine-action");
            var form = page.Locator("form[action='/registers/mine-action/devices']");
            await form.GetByLabel("Hazardous area").SelectOptionAsync(new SelectOptionValue { Label = "[EXERCISE] Minefield south of Aghdam (Reduced)" });
            await form.GetByLabel("Device type").FillAsync("cluster submunition");
            await form.GetByLabel("How many").FillAsync("4");
            await form.GetByLabel("Date").FillAsync("2026-11-30");
            await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/registers/mine-action$"));
            await Assertions.Expect(page.Locator("td[data-label='Devices found']", new() { HasTextString = "4 × cluster submunition" })).ToBeVisibleAsync();
            Assert.True(await FitsAsync(page), "the mine-action register fits a phone");
        }
        Assert.Empty(scriptErrors);
    }

    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");
}
