using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The viewer's language: the switcher on every page posts to /language. The choice is kept in a cookie (for everyone)
/// and on the signed-in user's account. A request's language is, in order: ?lang= in the address, the account's, the cookie's,
/// the browser's Accept-Language, English.
/// </summary>
internal static class LanguageEndpoints
{
    public const string CookieName = "truce.language";

    public static IServiceCollection AddTruceLocalization(this IServiceCollection services)
    {
        // Registered before AddLocalization, whose TryAdd then keeps it: the resource localisers with the pseudo-locale on top.
        services.AddSingleton<IStringLocalizerFactory, PseudoLocalizerFactory>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Armenian, Cyrillic and Azerbaijani letters written as themselves, not as &#x...; entities (HTML-significant characters still escaped).
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>After authentication, so the account's language is known; before every endpoint.</summary>
    public static IApplicationBuilder UseTruceLocalization(this IApplicationBuilder app, TruceSettings settings)
    {
        var cultures = Languages.Cultures(settings.PseudoLocale);
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Languages.Default),
            SupportedCultures = [.. cultures],
            SupportedUICultures = [.. cultures],
            // "ru-RU" in Accept-Language reads Russian; "az-Latn-AZ" Azerbaijani.
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            // ?lang=hy names the language in a link that has no cookie or header behind it (a feed reader, a PDF link).
            new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang", Options = options },
            new AccountCultureProvider { Options = options },
            new CookieRequestCultureProvider { CookieName = CookieName, Options = options },
            new AcceptLanguageHeaderRequestCultureProvider { Options = options },
        ];
        return app.UseRequestLocalization(options);
    }

    public static void MapLanguage(this IEndpointRouteBuilder app, TruceSettings settings) =>
        app.MapPost("/language", (HttpContext context, IFormCollection form, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                Choose(context, form, viewer, db, settings, cancellationToken))
            .Allow(AccessRule.Anyone).ExcludeFromDescription();

    private static async Task<IResult> Choose(
        HttpContext context, IFormCollection form, Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var language = form["language"].ToString().Trim();
        if (Remember(context.Response, language, settings) is { } refused)
        {
            return refused.ToProblem();
        }
        if (viewer.IsSignedIn && context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            var kept = await Users.SetLanguageAsync(db, viewer.UserId!.Value, language, cancellationToken);
            if (kept.Failure is { } failure)
            {
                return failure.ToProblem();
            }
            // The account's language travels in the session's claims, read first on every request.
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                ViewerClaims.Principal(viewer, CookieAuthenticationDefaults.AuthenticationScheme, language,
                    context.User.FindFirst(ViewerClaims.SessionClaim)?.Value));
        }
        return TypedResults.LocalRedirect(AccountEndpoints.LocalTarget(form["returnUrl"].ToString()));
    }

    /// <summary>Keeps an offered language in the cookie; anything else is refused, naming the field.</summary>
    public static Failure? Remember(HttpResponse response, string language, TruceSettings settings)
    {
        if (!Languages.Offered(settings.PseudoLocale).Contains(language))
        {
            return Failure.Field(FailureKind.Invalid, "language", $"must be one of {string.Join(", ", Languages.Offered(settings.PseudoLocale))}.");
        }
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return null;
    }
}
