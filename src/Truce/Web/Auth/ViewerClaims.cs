using System.Security.Claims;
using Truce.Access;

namespace Truce.Web.Auth;

/// <summary>Turns a signed-in principal into the <see cref="Viewer"/> the access policy reasons about, and back.</summary>
internal static class ViewerClaims
{
    public const string PartyClaim = "truce:party";

    public static Viewer Viewer(this HttpContext context) => Of(context.User);

    public static Viewer Of(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || !Slug.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return Access.Viewer.Anonymous;
        }
        return new Viewer(id, principal.FindFirstValue(ClaimTypes.Name) ?? "", role, principal.FindFirstValue(PartyClaim));
    }

    public static ClaimsPrincipal Principal(User user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, Slug.Of(user.Role)),
        };
        if (user.PartyId is not null)
        {
            claims.Add(new Claim(PartyClaim, user.PartyId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
