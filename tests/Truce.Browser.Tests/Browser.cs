using Microsoft.Playwright;

namespace Truce.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright; nothing is downloaded. Skips on a machine without Chromium,
/// but in CI (CI=true) a missing browser is a failure.
/// </summary>
internal static class Browser
{
    public static string Executable()
    {
        var path = Environment.GetEnvironmentVariable("TRUCE_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(path))
        {
            return path;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true but Chromium is not at {path}: .ci/run must install it.");
        }
        Assert.Skip($"No Chromium at {path}: install Debian's chromium package or set TRUCE_CHROMIUM.");
        return "";
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = Executable();
        var playwright = await Playwright.CreateAsync();
        // Generous waits: a loaded CI machine is slow, and a wait only costs time when something is wrong.
        Assertions.SetDefaultExpectTimeout(20_000);
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // As root in CI there is no sandbox; the closed network makes Chromium's background calls fail noisily.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
