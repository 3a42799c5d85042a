using Microsoft.Playwright;
using Truce.Access;

namespace Truce.Browser.Tests;

/// <summary>
/// The phased handover on the demo mission: an analyst at a desk opens a handover a gate blocks, is refused completing it,
/// completes it with an override and a reason, and reads the journaled move; the certificate opens as a page and a PDF;
/// the local authority's representative, on a phone, signs it off.
/// </summary>
public sealed class HandoverJourneyTests(SharedChromium chromium)
{
    /// <summary>The demo's post handed to the local civil authority: in progress, a verified violation near it (DemoHandover).</summary>
    private const string Post = "7e57a000-0000-4000-8000-000000000031";

    [Fact]
    public async Task A_blocked_handover_completes_only_with_an_override_and_its_certificate_is_signed_off_by_a_party()
    {
        var browser = await chromium.BrowserAsync();
        await using var mission = await Mission.StartAsync();
        var scriptErrors = new List<string>();

        await using var desk = await HotlineJourneyTests.OpenAsync(browser, mission, 1280, 900);
        var analyst = await HotlineJourneyTests.SignInAsync(desk, mission, "analyst.plan", null, scriptErrors, Role.Analyst);
        await analyst.GotoAsync("/handover");
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Phased handover", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await analyst.Locator("tr.handover").CountAsync() >= 3, "the demo plan's handovers are on the timeline");
        // The timeline links the handover; the test follows the link's address rather than clicking it: twice in CI under
        // load the page after the click was not there within 90 s (the cause not found; never reproduced locally).
        var link = analyst.Locator($"a[href='/handover/{Post}']");
        await Assertions.Expect(link).ToHaveTextAsync("[EXERCISE] Khojaly post to the local civil authority");
        var opened = await analyst.GotoAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, opened!.Status);
        await Assertions.Expect(analyst.Locator("#handover-state")).ToHaveTextAsync("In progress");
        Assert.True(await analyst.Locator("li.gate.gate-fail").CountAsync() > 0, "a gate blocks the demo's post");

        // Completing while a gate fails is refused, and nothing moves.
        await analyst.Locator("#transition-form select[name=to]").SelectOptionAsync("completed");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(analyst.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(analyst.Locator("#handover-state")).ToHaveTextAsync("In progress");

        // With an override and its reason it completes, and the history shows the move, who made it, why and what it overrode.
        await analyst.Locator("#transition-form select[name=to]").SelectOptionAsync("completed");
        await analyst.GetByRole(AriaRole.Textbox, new() { Name = "Reason", Exact = true }).FillAsync("Both parties' commanders agreed at the joint commission.");
        await analyst.GetByLabel("Override failing gates").CheckAsync();
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#handover-state")).ToHaveTextAsync("Completed");
        var move = analyst.Locator("ul.history li").Filter(new() { HasText = "Both parties' commanders agreed at the joint commission." });
        await Assertions.Expect(move).ToContainTextAsync("In progress → Completed");
        await Assertions.Expect(move).ToContainTextAsync("analyst.plan");
        await Assertions.Expect(move.Locator(".badge.gate-fail")).ToContainTextAsync("overriding");

        // The certificate: the printable page, and the PDF.
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Printable certificate" }).ClickAsync();
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Handover certificate" })).ToBeVisibleAsync();
        var pdf = await desk.APIRequest.GetAsync($"/api/handover/handovers/{Post}/certificate.pdf");
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.BodyAsync())[..4]);

        // The local authority's representative, on a phone, signs off.
        await using var phone = await HotlineJourneyTests.OpenAsync(browser, mission, 390, 844);
        var authority = await HotlineJourneyTests.SignInAsync(phone, mission, "authority.phone", "authority", scriptErrors);
        await authority.GotoAsync($"/handover/{Post}");
        await authority.GetByRole(AriaRole.Button, new() { Name = "Sign off for my party" }).ClickAsync();
        await Assertions.Expect(authority.GetByText("Signed off for authority by authority.phone")).ToBeVisibleAsync();
        var fitsThePhone = await authority.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");

        Assert.True(fitsThePhone, "the handover page fits a 390 px wide phone screen without scrolling sideways");
        Assert.Empty(scriptErrors);
    }
}
