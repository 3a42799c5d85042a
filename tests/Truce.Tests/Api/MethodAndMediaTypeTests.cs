using System.Net;
using System.Net.Http.Headers;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Api;

/// <summary>Issue 7, item 14: a known path asked with the wrong method or media type is a 405 or 415, not a 403.</summary>
public sealed class MethodAndMediaTypeTests
{
    [Fact]
    public async Task A_wrong_method_is_a_405_and_a_wrong_media_type_a_415_and_neither_is_logged_as_an_error()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var report = Json.Observation();
        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", report)).StatusCode);

        using var delete = await monitor.DeleteAsync($"/api/observations/{report["id"]}");
        using var put = await monitor.PutAsync("/api/observations/", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var text = new StringContent("not a file");
        text.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var wrongType = await monitor.PostAsync($"/api/observations/{report["id"]}/evidence", text);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.DoesNotContain(app.Logs.Lines, e => e.Contains("no access rule", StringComparison.Ordinal));
    }
}
