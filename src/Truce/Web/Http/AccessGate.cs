using Truce.Access;

namespace Truce.Web;

/// <summary>
/// Applies each endpoint's <see cref="AccessRule"/> before its handler runs: the anonymous are sent to
/// sign in (pages) or answered 401 (API); a viewer whose role may not is answered 403. Fails closed.
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
        // The only fallback endpoint is the static-assets development handler, which serves public files.
        var rule = endpoint.Metadata.GetMetadata<AccessRule>()
            ?? (endpoint is RouteEndpoint { Order: int.MaxValue } ? AccessRule.Anyone : null);
        if (rule is null)
        {
            LogUndeclared(logger, endpoint.DisplayName);
            await Deny(context, Failure.Forbidden($"This endpoint declares no access rule, so nobody may call it."));
            return;
        }
        var viewer = context.Viewer();
        if (rule.SignIn && !viewer.IsSignedIn)
        {
            if (IsApi(context))
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in or send a bearer token.").ExecuteAsync(context);
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

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task Deny(HttpContext context, Failure failure) => failure.ToProblem().ExecuteAsync(context);

    [LoggerMessage(Level = LogLevel.Error, Message = "Endpoint {Endpoint} has no access rule; refused")]
    private static partial void LogUndeclared(ILogger logger, string? endpoint);
}
