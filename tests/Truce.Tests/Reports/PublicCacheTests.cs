using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Reports;

/// <summary>
/// The public pages are served from the output cache, keyed by the journal's version: their bytes are the same for every
/// anonymous visitor (no cookie, no per-visitor token), they change as soon as what they show changes, and the language
/// switcher still works without a token.
/// </summary>
public sealed class PublicCacheTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_public_page_sets_no_cookie_and_its_language_form_needs_no_token()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        using var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        foreach (var path in new[] { "/public", "/public/archive", "/public/map", "/public/search?q=calm" })
        {
            using var page = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.False(page.Headers.Contains("Set-Cookie"), $"{path} sets a cookie, so its bytes could not be shared");
            var form = Parser.ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("form.language")!;
            Assert.Equal("/public/language", form.GetAttribute("action"));
            Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        }

        using var chosen = await visitor.PostAsync("/public/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["language"] = "ru", ["returnUrl"] = "/public/archive",
        }));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/public/archive", chosen.Headers.Location!.OriginalString);
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("truce.language=", StringComparison.Ordinal));
        // The cached English page is not what a Russian reader gets: the language is part of the key.
        using var russian = new HttpRequestMessage(HttpMethod.Get, "/public/archive");
        russian.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await visitor.SendAsync(russian)).Content.ReadAsStringAsync();
        Assert.Equal("ru", Parser.ParseDocument(html).DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", Parser.ParseDocument(await visitor.GetStringAsync("/public/archive")).DocumentElement.GetAttribute("lang"));

        using var unknown = await visitor.PostAsync("/public/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "xx" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("language", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_viewer_gets_the_public_page_rendered_for_them_with_the_accounts_language_form()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.SignInAsync("analyst1", Role.Analyst);

        var form = Parser.ParseDocument(await analyst.GetStringAsync("/public")).QuerySelector("form.language")!;

        Assert.Equal("/language", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task A_cached_public_page_shows_a_report_as_soon_as_it_is_published()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var visitor = app.CreateClient();
        var before = await visitor.GetStringAsync("/public");
        Assert.Equal(before, await visitor.GetStringAsync("/public"));
        Assert.DoesNotContain("Daily Report 1/2026", before, StringComparison.Ordinal);

        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/reports", new { id, kind = "daily", date = "2026-11-28", narrative = "A calm day." })).StatusCode);
        Assert.DoesNotContain("Daily Report", await visitor.GetStringAsync("/public"), StringComparison.Ordinal);
        foreach (var status in new[] { "review", "published" })
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync($"/api/reports/{id}/status", new { status })).StatusCode);
        }

        // No wait: the write in this process moved the journal, so the next request reads the new version.
        Assert.Contains("Daily Report 1/2026", await visitor.GetStringAsync("/public"), StringComparison.Ordinal);
        Assert.Contains($"/public/reports/{id}", await visitor.GetStringAsync("/public/feed.atom"), StringComparison.Ordinal);
    }
}
