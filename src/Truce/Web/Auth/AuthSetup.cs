using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Truce.Web;

internal static class AuthSetup
{
    private const string Selector = "Truce";

    /// <summary>Pages sign in with a cookie; API clients send a bearer token. A request with a bearer header is judged by it alone.</summary>
    public static IServiceCollection AddTruceAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ViewerCache>();
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                BearerHandler.Carries(context.Request)
                    ? BearerHandler.SchemeName
                    // /openrosa never reads the cookie: its endpoints take no antiforgery token, so a cookie there
                    // would let another site's form submit as the signed-in user.
                    : context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                        || context.Request.Path.StartsWithSegments(OpenRosaEndpoints.Path)
                        ? OpenRosaBasicHandler.SchemeName
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            // Who may call what is decided by the AccessGate from each endpoint's AccessRule, so nothing challenges
            // through these schemes and no authorization middleware runs.
            .AddCookie(options =>
            {
                options.Cookie.Name = "truce.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.Events.OnValidatePrincipal = StillValid;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerHandler>(BearerHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, OpenRosaBasicHandler>(OpenRosaBasicHandler.SchemeName, null);
        return services;
    }

    /// <summary>
    /// A session ends when its user is disabled, signs out (the cookie's session stamp is no longer the user's) or
    /// its role or party changes, not when the cookie expires: at once for a sign-out here, within
    /// <see cref="ViewerCache.Bound"/> for the rest.
    /// </summary>
    private static async Task StillValid(CookieValidatePrincipalContext context)
    {
        var viewer = ViewerClaims.Of(context.Principal!);
        var user = viewer.UserId is { } id
            ? await context.HttpContext.RequestServices.GetRequiredService<ViewerCache>().SessionAsync(id, context.HttpContext.RequestAborted)
            : null;
        var stamp = context.Principal!.FindFirst(ViewerClaims.SessionClaim)?.Value ?? "";
        if (user is null || user.Disabled || user.Role != viewer.Role || user.PartyId != viewer.PartyId
            || !string.Equals(stamp, user.Stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
