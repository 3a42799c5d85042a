using Microsoft.Playwright;

namespace Truce.Browser.Tests;

/// <summary>How the tests wait for a page a click navigated to.</summary>
internal static class Navigation
{
    /// <summary>
    /// The new page's HTML is parsed (DOMContentLoaded), not every subresource loaded: WaitForURLAsync's default, the
    /// load event, once waited out its 90 s in CI under load on a page whose text had arrived. What the tests check next
    /// is the page's text, which Playwright's assertions wait for themselves.
    /// </summary>
    public static readonly PageWaitForURLOptions Parsed = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}
