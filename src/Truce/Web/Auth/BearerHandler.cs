using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>Authenticates API and field clients by the bearer tokens of `truce token create`.</summary>
internal sealed class BearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Store store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        await using var db = store.Open();
        var viewer = await Users.ViewerFromTokenAsync(db, header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return viewer is null
            ? AuthenticateResult.Fail("The bearer token is unknown, expired or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(ViewerClaims.Principal(viewer, SchemeName), SchemeName));
    }
}
