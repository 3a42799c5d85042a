using Truce.Access;

namespace Truce.Web;

/// <summary>
/// Applies each endpoint's <see cref="AccessRule"/> before its handler runs: the anonymous are sent to
/// sign in (pages) or answered 401 (API); a viewer whose role may not is answered 403. Fails closed.
/// A request that carries credentials which fail (an unknown, expired or revoked bearer token) is answered 401
/// on every endpoint, public ones included: answering it as the anonymous public would hide the client's fault.
/// </summary>
internal sealed partial class AccessGate(RequestDelegate next, ILogger<AccessGate> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint)
        {
            await next(context);
            return;
        }
        // The only fallback endpoint is the static-assets development handler, which serves public files. The router's
        // own answers to a known path asked with another method or media type run nothing of ours: they are 405 and 415
        // (issue 7, item 14), not an endpoint without a rule.
        var rule = endpoint.Metadata.GetMetadata<AccessRule>()
            ?? (endpoint is RouteEndpoint { Order: int.MaxValue } || IsRoutingRefusal(endpoint) ? AccessRule.Anyone : null);
        if (rule is null)
        {
            LogUndeclared(logger, endpoint.DisplayName);
            await Deny(context, Failure.Forbidden($"This endpoint declares no access rule, so nobody may call it."));
            return;
        }
        var viewer = context.Viewer();
        // Credentials were sent (a cookie is not sent in this header) and yet the viewer is anonymous: they failed.
        if (context.Request.Headers.Authorization.Count > 0 && !viewer.IsSignedIn)
        {
            // RFC 6750, section 3.1.
            context.Response.Headers.WWWAuthenticate = Challenge(context, "Bearer error=\"invalid_token\", error_description=\"The token is unknown, expired or revoked.\"");
            await Unauthorized(context, $"The bearer token is unknown, expired or revoked.");
            return;
        }
        if (rule.SignIn && !viewer.IsSignedIn)
        {
            if (IsApi(context))
            {
                context.Response.Headers.WWWAuthenticate = Challenge(context, "Bearer");
                await Unauthorized(context, $"Sign in or send a bearer token.");
            }
            else
            {
                var returnUrl = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
                context.Response.Redirect($"/login?returnUrl={returnUrl}");
            }
            return;
        }
        if (rule.Requires is { } operation && !viewer.Can(operation))
        {
            await Deny(context, viewer.ReadOnly
                ? Failure.Forbidden($"This token is read-only.")
                : Failure.Forbidden($"Your role ({Slug.Of(viewer.Role)}) may not {Slug.Of(operation).Replace('_', ' ')}."));
            return;
        }
        await next(context);
    }

    /// <summary>The endpoints ASP.NET Core's router makes for a method or a media type no endpoint of the path takes.</summary>
    private static bool IsRoutingRefusal(Endpoint endpoint) =>
        endpoint.DisplayName is "405 HTTP Method Not Supported" or "415 HTTP Unsupported Media Type" && endpoint.Metadata.Count == 0;

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(OpenRosaEndpoints.Path);

    /// <summary>OpenRosa clients (ODK Collect) answer only a Basic or Digest challenge; they are offered Basic first.</summary>
    private static Microsoft.Extensions.Primitives.StringValues Challenge(HttpContext context, string bearer) =>
        context.Request.Path.StartsWithSegments(OpenRosaEndpoints.Path) ? new Microsoft.Extensions.Primitives.StringValues(new[] { OpenRosaBasicHandler.Challenge, bearer }) : new Microsoft.Extensions.Primitives.StringValues(bearer);

    private static Task Unauthorized(HttpContext context, FormattableString title) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: FailureText.Say(title), type: Problems.TypeOf("unauthorized")).ExecuteAsync(context);

    private static Task Deny(HttpContext context, Failure failure) => failure.ToProblem().ExecuteAsync(context);

    [LoggerMessage(Level = LogLevel.Error, Message = "Endpoint {Endpoint} has no access rule; refused")]
    private static partial void LogUndeclared(ILogger logger, string? endpoint);
}
