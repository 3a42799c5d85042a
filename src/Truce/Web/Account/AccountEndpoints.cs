using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>Signing in and out of the pages with a cookie; API clients send a bearer token instead.</summary>
internal static class AccountEndpoints
{
    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/login", (string? returnUrl, Chrome chrome) => new LoginModel(chrome, returnUrl, null, Failed: false).Render())
            .Allow(AccessRule.Anyone);
        pages.MapPost("/login", SignIn).Allow(AccessRule.Anyone).RequireRateLimiting(RateLimits.SignIn);
        pages.MapPost("/logout", async (HttpContext context, IFormCollection form, Viewer viewer, TruceDb db, ViewerCache viewers, CancellationToken cancellationToken) =>
        {
            _ = form; // binding the form makes the antiforgery check apply
            // Ended on the server too, so that a copy of the cookie is refused from now on (not only this browser's).
            if (viewer.UserId is { } userId && !BearerHandler.Carries(context.Request))
            {
                await Users.SignOutAsync(db, userId, cancellationToken);
                viewers.Forget(userId);
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/");
        }).Allow(AccessRule.SignedIn);
    }

    private static async Task<IResult> SignIn(HttpContext context, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var name = form["name"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var client = ClientAddress.Of(context);
        var user = (await Users.SignInAsync(db, name, form["password"].ToString(), client, cancellationToken)).User;
        if (user is null)
        {
            return new LoginModel(chrome, returnUrl, name, Failed: true).Render(StatusCodes.Status401Unauthorized);
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            ViewerClaims.Principal(Users.ViewerOf(user), CookieAuthenticationDefaults.AuthenticationScheme, user.Language, user.SessionStamp));
        return TypedResults.LocalRedirect(LocalTarget(returnUrl));
    }

    /// <summary>
    /// Only a path on this site, never an open redirect: not "//host" or "/\host", and no control character
    /// (a browser drops TAB, CR and LF, so "/\t/host" would leave the site; the framework refuses to redirect to it).
    /// </summary>
    public static string LocalTarget(string returnUrl) =>
        returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
