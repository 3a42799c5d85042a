using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

internal static class AccountPages
{
    public static void MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/login", async (string? returnUrl, HttpContext context, TruceDb db) =>
            new RazorComponentResult<Login>(new { Chrome = await Chrome.LoadAsync(db, context.Viewer(), context.RequestAborted), ReturnUrl = returnUrl }))
            .Allow(AccessRule.Anyone);
        pages.MapPost("/login", SignIn).Allow(AccessRule.Anyone).RequireRateLimiting(RateLimits.SignIn);
        pages.MapPost("/logout", async (HttpContext context, IFormCollection form) =>
        {
            _ = form; // binding the form makes the antiforgery check apply
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/");
        }).Allow(AccessRule.SignedIn);
    }

    private static async Task<IResult> SignIn(HttpContext context, TruceDb db, IFormCollection form)
    {
        var name = form["name"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var user = (await Users.SignInAsync(db, name, form["password"].ToString(), context.RequestAborted)).User;
        if (user is null)
        {
            var chrome = await Chrome.LoadAsync(db, context.Viewer(), context.RequestAborted);
            return new RazorComponentResult<Login>(new { Chrome = chrome, ReturnUrl = returnUrl, Name = name, Failed = true })
            {
                StatusCode = StatusCodes.Status401Unauthorized,
            };
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            ViewerClaims.Principal(Users.ViewerOf(user), CookieAuthenticationDefaults.AuthenticationScheme));
        // Only a path on this site: never an open redirect.
        var target = returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
        return TypedResults.LocalRedirect(target);
    }
}
