using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Truce.Storage;

namespace Truce.Tests.Web;

public sealed class ErrorPageTests
{
    private static HttpRequestMessage Get(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return request;
    }

    [Fact]
    public async Task A_browser_asking_for_an_unknown_address_gets_the_sites_not_found_page_and_the_api_keeps_problem_details()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();

        var page = await client.SendAsync(Get("/no/such/page", "text/html"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<nav aria-label=\"Main\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/observations\"", html, StringComparison.Ordinal);

        var api = await client.SendAsync(Get("/api/no-such-thing", "text/html"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var script = await client.SendAsync(Get("/no/such/page", "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unexpected_server_error_gives_browsers_an_error_page_and_the_api_problem_details()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();
        // A real fault, not a staged one: the incidents table is gone from under the running server.
        await using (var db = app.Store.Open())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE incidents", TestContext.Current.CancellationToken);
        }

        var page = await client.SendAsync(Get("/incidents", "text/html"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<nav aria-label=\"Main\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);

        var api = await client.SendAsync(Get("/api/incidents", "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
