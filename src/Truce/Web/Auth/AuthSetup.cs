using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Truce.Web;

internal static class AuthSetup
{
    private const string Selector = "Truce";

    /// <summary>Pages sign in with a cookie; API clients send a bearer token. A request with a bearer header is judged by it alone.</summary>
    public static IServiceCollection AddTruceAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.Cookie.Name = "truce.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                // The API answers 401/403 as problem details; only pages redirect to the sign-in form.
                options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = StillValid;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerHandler>(BearerHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    /// <summary>
    /// A session ends as soon as its user is disabled or its role or party changes, not when the cookie expires.
    /// </summary>
    private static async Task StillValid(CookieValidatePrincipalContext context)
    {
        var viewer = ViewerClaims.Of(context.Principal!);
        var store = context.HttpContext.RequestServices.GetRequiredService<Truce.Storage.Store>();
        await using var db = store.Open();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == viewer.UserId, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled || user.Role != viewer.Role || user.PartyId != viewer.PartyId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
