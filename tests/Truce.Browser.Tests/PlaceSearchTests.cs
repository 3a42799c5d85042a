using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Truce.Browser.Tests;

/// <summary>The gazetteer as a new user meets it: any name of a place, in any script, finds it; the map names localities.</summary>
public sealed class PlaceSearchTests(SharedChromium chromium)
{
    [Fact]
    public async Task Searching_Khankendi_in_Cyrillic_on_a_phone_finds_it_with_its_other_names()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = mission.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true,
        });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync("/places");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Name" }).FillAsync("Ханкенди");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();

        var result = page.GetByRole(AriaRole.Link, new() { Name = "Khankendi", Exact = true });
        await Assertions.Expect(result).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the results fit a phone's width");
        await result.ClickAsync();
        await page.WaitForURLAsync(new Regex("/places/az-khankendi$"), Navigation.Parsed);
        foreach (var name in new[] { "Stepanakert", "Ստեփանակերտ", "Ханкенди", "Xankəndi" })
        {
            // A phone shows each cell with its column's name before it: the names table's Name cells.
            await Assertions.Expect(page.Locator("td[data-label='Name']", new() { HasTextString = name })).ToBeVisibleAsync();
        }

        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/map");
        await Assertions.Expect(page.Locator("#map[data-ready=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("path.place").First).ToBeAttachedAsync();
        Assert.True(await page.Locator("path.place").CountAsync() > 600, "the shipped places are drawn as localities");
        Assert.Empty(scriptErrors);
    }
}
