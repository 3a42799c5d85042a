using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Truce.Web;

/// <summary>Authenticates API and field clients by the bearer tokens of `truce token create`.</summary>
internal sealed class BearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ViewerCache viewers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Whether the request is judged by a bearer token (and so not by the cookie a browser sends on its own).</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request))
        {
            return AuthenticateResult.NoResult();
        }
        using var stage = Storage.WriteTelemetry.Begin("auth");
        var viewer = await viewers.TokenAsync(Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim(), Context.RequestAborted);
        return viewer is null
            ? AuthenticateResult.Fail("The bearer token is unknown, expired or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(ViewerClaims.Principal(viewer, SchemeName), SchemeName));
    }
}
