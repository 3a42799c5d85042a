using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Truce.Browser.Tests.SharedChromium))]

namespace Truce.Browser.Tests;

/// <summary>
/// One headless Chromium for the whole test run (an xunit assembly fixture): launched by the first test that
/// asks for it, closed after the last. Each test opens its own browser context, so cookies and pages stay
/// its own; only the process, and the second or two its start costs, is shared. Launched lazily so that a
/// machine without Chromium skips each test (or fails it in CI) instead of failing the fixture.
/// </summary>
public sealed class SharedChromium : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<IBrowser> BrowserAsync()
    {
        var executable = TestEnvironment.RequireChromium();
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                // Generous waits: a loaded CI machine is slow, and a wait only costs time when something is wrong.
                Assertions.SetDefaultExpectTimeout(20_000);
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = executable,
                    Headless = true,
                    // As root in CI there is no sandbox; the closed network makes Chromium's background calls fail noisily.
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                });
            }
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
