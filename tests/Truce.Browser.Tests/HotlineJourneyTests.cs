using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Truce.Access;
using Truce.Storage;

namespace Truce.Browser.Tests;

/// <summary>
/// The hotline as the parties use it on the demo mission: west's liaison at a desk sends a protest, east's liaison on a
/// phone finds it in "Awaiting you", acknowledges and replies; the peacekeeping force's liaison, a third party, never sees it.
/// </summary>
public sealed class HotlineJourneyTests(SharedChromium chromium)
{
    [Fact]
    public async Task A_protest_reaches_the_other_partys_liaison_who_acknowledges_and_replies_and_a_third_party_never_sees_it()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var subject = $"Protest {Guid.NewGuid():N}"[..20];
        var scriptErrors = new List<string>();

        // West, at a desk: opens a thread with a protest.
        await using var desk = await OpenAsync(browser, mission, 1280, 900);
        var west = await SignInAsync(desk, mission, "west.desk", "west", scriptErrors);
        await west.GotoAsync("/hotline");
        await west.GetByLabel("To party").SelectOptionAsync("east");
        await west.GetByLabel("Subject").FillAsync(subject);
        await west.GetByLabel("Type").SelectOptionAsync("protest");
        await west.GetByLabel("Message").FillAsync("Live fire near the corridor's road at 06:40, against the agreement.");
        await west.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await west.WaitForURLAsync(new Regex("/hotline/[0-9a-f-]{36}$"), Navigation.Parsed);
        var thread = west.Url[^36..];
        await Assertions.Expect(west.GetByText("Live fire near the corridor's road at 06:40, against the agreement.")).ToBeVisibleAsync();

        // East, on a phone: the protest waits on the dashboard; acknowledged, then answered.
        await using var phone = await OpenAsync(browser, mission, 390, 844);
        var east = await SignInAsync(phone, mission, "east.phone", "east", scriptErrors);
        await east.GotoAsync("/");
        var awaiting = east.Locator("section.awaiting");
        await Assertions.Expect(awaiting.GetByRole(AriaRole.Heading, new() { Name = "Awaiting you" })).ToBeVisibleAsync();
        await awaiting.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await east.WaitForURLAsync(new Regex($"/hotline/{thread}"), Navigation.Parsed);
        await east.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(east.GetByText(new Regex("^Acknowledged by east\\.phone"))).ToBeVisibleAsync();
        await east.GetByLabel("Type").SelectOptionAsync("reply");
        await east.GetByLabel("Message").FillAsync("Our engineers were clearing the verge; the notice went out at 05:00.");
        await east.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(east.GetByText("Our engineers were clearing the verge; the notice went out at 05:00.")).ToBeVisibleAsync();
        var fitsThePhone = await east.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");
        await east.GotoAsync("/");
        await Assertions.Expect(east.Locator("section.awaiting").GetByRole(AriaRole.Link, new() { Name = subject })).ToHaveCountAsync(0);

        // West sees the acknowledgement and the reply in the one shared record.
        await west.ReloadAsync();
        await Assertions.Expect(west.GetByText(new Regex("^Acknowledged by east\\.phone"))).ToBeVisibleAsync();
        await Assertions.Expect(west.GetByText("Our engineers were clearing the verge; the notice went out at 05:00.")).ToBeVisibleAsync();

        // The peacekeeping force's liaison: not in its list, and not at its address.
        await using var third = await OpenAsync(browser, mission, 1280, 900);
        var pkf = await SignInAsync(third, mission, "pkf.desk", "pkf", scriptErrors);
        await pkf.GotoAsync("/hotline");
        await Assertions.Expect(pkf.GetByText(subject)).ToHaveCountAsync(0);
        var direct = await pkf.GotoAsync($"/hotline/{thread}");
        Assert.Equal(404, direct!.Status);
        await Assertions.Expect(pkf.GetByText(subject)).ToHaveCountAsync(0);
        await Assertions.Expect(pkf.GetByText("Live fire near the corridor's road")).ToHaveCountAsync(0);

        Assert.True(fitsThePhone, "the thread fits a 390 px wide phone screen without scrolling sideways");
        Assert.Empty(scriptErrors);
    }

    internal static async Task<IBrowserContext> OpenAsync(IBrowser browser, Mission mission, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = mission.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = width < 600,
        });
        context.SetDefaultTimeout(90_000);
        return context;
    }

    /// <summary>Adds a party's liaison (or, with no party, a user of the role) and signs it in on a new page.</summary>
    internal static async Task<IPage> SignInAsync(IBrowserContext context, Mission mission, string name, string? party, List<string> scriptErrors, Role role = Role.Liaison)
    {
        var password = Users.NewPassword();
        await using (var db = mission.App.Services.GetRequiredService<Store>().Open())
        {
            var added = await Users.AddAsync(db, name, role, party, password);
            Assert.True(added.Succeeded, added.Failure?.Title);
        }
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), Navigation.Parsed);
        return page;
    }
}
