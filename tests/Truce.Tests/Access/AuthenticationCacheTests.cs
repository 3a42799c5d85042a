using System.Net;
using Truce.Access;
using Truce.Storage;
using Truce.Web;

namespace Truce.Tests.Access;

/// <summary>
/// Issue 14: who a token or a cookie stands for is remembered for at most <see cref="ViewerCache.Bound"/>; a revoked
/// token and a disabled user are refused once that bound has passed (driven by the app's clock), and not sooner only
/// because the cache answered in the meantime.
/// </summary>
public sealed class AuthenticationCacheTests
{
    [Fact]
    public async Task A_revoked_token_is_refused_once_the_bound_has_passed()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var api = await app.ClientAsync("monitor1", Role.Monitor);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/observations", Json.Observation())).StatusCode);
        await using (var db = app.Store.Open())
        {
            var token = Assert.Single(await Users.ListTokensAsync(db));
            Assert.True((await Users.RevokeTokenAsync(db, token.Id)).Succeeded);
        }

        // Still remembered: the request did not go to the store.
        app.Clock.Advance(ViewerCache.Bound - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/observations", Json.Observation())).StatusCode);

        app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/api/observations", Json.Observation())).StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_cookie_is_refused_once_the_bound_has_passed()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var browser = await app.SignInAsync("monitor1", Role.Monitor);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/observations/new")).StatusCode);
        await using (var db = app.Store.Open())
        {
            Assert.True((await Users.SetDisabledAsync(db, "monitor1", true)).Succeeded);
        }

        app.Clock.Advance(ViewerCache.Bound - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/observations/new")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var page = await browser.GetAsync("/observations/new");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_created_after_an_unknown_one_was_tried_works_at_once()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        // Refusals are never remembered: the failed lookup below does not delay the token made after it.
        var stranger = app.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", "truce_unknown");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync("/api/observations", Json.Observation())).StatusCode);

        var api = await app.ClientAsync("monitor1", Role.Monitor);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/observations", Json.Observation())).StatusCode);
    }
}
