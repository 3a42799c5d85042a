using Microsoft.AspNetCore.Diagnostics;
using Truce.Access;

namespace Truce.Web;

/// <summary>
/// A browser that meets an unknown address or an error gets the site's own page inside the shell; the API
/// (and any client that does not ask for HTML) keeps its problem details.
/// </summary>
internal static class ErrorPages
{
    /// <summary>A page, not problem details: the request is outside /api and its Accept header names HTML.</summary>
    public static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>For an empty 4xx/5xx answer (no endpoint matched, or a handler gave only a status).</summary>
    public static async Task StatusCodeAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (WantsPage(http.Request))
        {
            var chrome = await Chrome.BindAsync(http);
            var page = http.Response.StatusCode == StatusCodes.Status404NotFound
                ? new NotFoundModel(chrome, "NotFound.Address").Render(StatusCodes.Status404NotFound)
                : new ErrorPageModel(chrome, http.Response.StatusCode).Render(http.Response.StatusCode);
            await page.ExecuteAsync(http);
            return;
        }
        await ProblemAsync(http, exception: null);
    }

    /// <summary>For an unhandled exception: a page for browsers, drawn without reading the store (which may be what failed); problem details otherwise.</summary>
    public static async Task ExceptionAsync(HttpContext context)
    {
        if (!WantsPage(context.Request))
        {
            await ProblemAsync(context, context.Features.Get<IExceptionHandlerFeature>()?.Error);
            return;
        }
        var chrome = new Chrome(context.RequestServices.GetRequiredService<Viewer>(), "Truce", Exercise: false);
        await new ErrorPageModel(chrome, context.Response.StatusCode).Render(context.Response.StatusCode).ExecuteAsync(context);
    }

    /// <summary>
    /// Problem details as the framework writes them, even to a client whose Accept header names no JSON
    /// (the framework's writer would then answer with an empty body): the API answers in one format.
    /// </summary>
    private static async Task ProblemAsync(HttpContext http, Exception? exception)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = exception, ProblemDetails = { Status = http.Response.StatusCode } }))
        {
            await Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
        }
    }
}
