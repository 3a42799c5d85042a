using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// HTTP Basic for OpenRosa clients, which cannot send a bearer header: the user's name and one of the user's tokens
/// (`truce token create`, or a field session) as the password. ODK Collect sends Basic only over HTTPS (over plain HTTP
/// it offers Digest, which needs the password's clear text on the server, and Truce keeps only hashes); so a mission
/// serves OpenRosa behind TLS. Accepted on /openrosa alone: a browser keeps Basic credentials and sends them to the
/// whole site, where they would let another site's forms act as the user.
/// </summary>
internal sealed class OpenRosaBasicHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Store store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    /// <summary>The challenge a 401 on /openrosa carries, so that Collect asks its user for a name and password.</summary>
    public const string Challenge = "Basic realm=\"Truce\", charset=\"UTF-8\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        if (!Request.Path.StartsWithSegments(OpenRosaEndpoints.Path))
        {
            return AuthenticateResult.Fail("Basic credentials are accepted only by the OpenRosa endpoints.");
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? ""));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("The Basic credentials are not base64.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return AuthenticateResult.Fail("The Basic credentials have no ':' between name and token.");
        }
        await using var db = store.Open();
        var viewer = await Users.ViewerFromTokenAsync(db, decoded[(colon + 1)..], Context.RequestAborted);
        // The name must be the token's owner's: a token is never accepted under another user's name.
        return viewer is null || !string.Equals(viewer.Name, decoded[..colon], StringComparison.Ordinal)
            ? AuthenticateResult.Fail("The name and token do not match a live token of that user.")
            : AuthenticateResult.Success(new AuthenticationTicket(ViewerClaims.Principal(viewer, SchemeName), SchemeName));
    }
}
