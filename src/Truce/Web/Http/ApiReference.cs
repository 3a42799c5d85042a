namespace Truce.Web;

/// <summary>Where the API reference page (Scalar, rendered from /openapi/v1.json) is served.</summary>
internal static class ApiReference
{
    public const string Path = "/api/docs";

    /// <summary>
    /// Scalar's page starts itself with an inline module script and its components set inline styles, which the
    /// site's policy forbids; this policy allows them on the reference page alone. Its scripts are still only ours
    /// (the package's, served from this origin), and it reads nothing from a CDN (no fonts, no proxy).
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "object-src 'none'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
}
