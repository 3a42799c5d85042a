using Microsoft.AspNetCore.Http.HttpResults;

namespace Truce.Web;

/// <summary>
/// Endpoints that exist only to measure the server (bench/Load, bench/Public). Mapped only when the setting
/// <c>Bench:Echo</c> (<see cref="TruceSettings.BenchEcho"/>) is true, so a production server never exposes them.
/// </summary>
internal static class BenchEndpoints
{
    /// <summary>The file bench/Public writes into the data folder and measures the public pages against.</summary>
    public const string StaticFile = "bench-static.html";

    public static void MapBench(this IEndpointRouteBuilder app, TruceSettings settings)
    {
        if (!settings.BenchEcho)
        {
            return;
        }
        // The ceiling of this server on this machine: the HTTP stack and the body read, no store and no sign-in.
        app.MapPost("/api/bench/echo", Echo).ExcludeFromDescription().Allow(AccessRule.Anyone);
        // A static file from disk, sent as the static assets are (no store, no rendering): the public pages' peer.
        var file = Path.Combine(settings.DataFolder, StaticFile);
        app.MapGet($"/api/bench/{StaticFile}", () => File.Exists(file) ? Results.File(file, "text/html; charset=utf-8") : Results.NotFound())
            .ExcludeFromDescription().Allow(AccessRule.Anyone);
    }

    private static async Task<NoContent> Echo(HttpRequest request, CancellationToken cancellationToken)
    {
        await request.Body.CopyToAsync(Stream.Null, cancellationToken);
        return TypedResults.NoContent();
    }
}
