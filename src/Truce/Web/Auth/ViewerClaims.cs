using System.Security.Claims;
using Truce.Access;

namespace Truce.Web;

/// <summary>Turns a signed-in principal into the <see cref="Viewer"/> the access policy reasons about, and back.</summary>
internal static class ViewerClaims
{
    public const string PartyClaim = "truce:party";

    /// <summary>Present with the value "read" on a principal that came in with a read-only token.</summary>
    public const string ScopeClaim = "truce:scope";

    /// <summary>The language kept on the account, read first when the request's culture is chosen.</summary>
    public const string LanguageClaim = "truce:language";

    /// <summary>The user's session stamp when the cookie was issued; a cookie whose stamp is no longer the user's is refused.</summary>
    public const string SessionClaim = "truce:session";

    public static Viewer Viewer(this HttpContext context) => Of(context.User);

    public static Viewer Of(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || !Slug.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return Access.Viewer.Anonymous;
        }
        return new Viewer(id, principal.FindFirstValue(ClaimTypes.Name) ?? "", role, principal.FindFirstValue(PartyClaim),
            ReadOnly: principal.FindFirstValue(ScopeClaim) == "read");
    }

    public static ClaimsPrincipal Principal(Viewer viewer, string scheme, string? language = null, string? session = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, viewer.UserId.ToString()!),
            new(ClaimTypes.Name, viewer.Name),
            new(ClaimTypes.Role, Slug.Of(viewer.Role)),
        };
        if (viewer.PartyId is not null)
        {
            claims.Add(new Claim(PartyClaim, viewer.PartyId));
        }
        if (language is not null)
        {
            claims.Add(new Claim(LanguageClaim, language));
        }
        if (session is not null)
        {
            claims.Add(new Claim(SessionClaim, session));
        }
        if (viewer.ReadOnly)
        {
            claims.Add(new Claim(ScopeClaim, "read"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
