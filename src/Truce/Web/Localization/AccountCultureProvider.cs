using Microsoft.AspNetCore.Localization;

namespace Truce.Web;

/// <summary>The language kept on the signed-in user's account, carried in the sign-in cookie's claims; first in the order.</summary>
internal sealed class AccountCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(httpContext.User.FindFirst(ViewerClaims.LanguageClaim)?.Value is { Length: > 0 } language
            ? new ProviderCultureResult(language)
            : null);
}
