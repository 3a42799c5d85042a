namespace Truce.Web;

/// <summary>
/// Headers on every response: no inline script may run, no other site may frame us, nothing is
/// sniffed into another type. A configured tile server is the one outside origin the map may load from.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, TruceSettings settings)
{
    private readonly string _policy = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
        + $"img-src 'self' data:{TileOrigin(settings.TileUrl)}; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReference.Path) ? ApiReference.ContentSecurityPolicy : _policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
        return next(context);
    }

    private static string TileOrigin(string? tileUrl)
    {
        if (tileUrl is null)
        {
            return "";
        }
        var template = tileUrl.Replace("{s}", "*", StringComparison.Ordinal);
        var schemeEnd = template.IndexOf("://", StringComparison.Ordinal);
        var hostEnd = schemeEnd < 0 ? -1 : template.IndexOf('/', schemeEnd + 3);
        return hostEnd < 0 ? "" : " " + template[..hostEnd];
    }
}
