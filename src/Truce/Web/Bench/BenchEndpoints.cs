using Microsoft.AspNetCore.Http.HttpResults;

namespace Truce.Web;

/// <summary>
/// Endpoints that exist only to measure the server (bench/Load). Mapped only when the setting
/// <c>Bench:Echo</c> (<see cref="TruceSettings.BenchEcho"/>) is true, so a production server never exposes them.
/// </summary>
internal static class BenchEndpoints
{
    public static void MapBench(this IEndpointRouteBuilder app, TruceSettings settings)
    {
        if (!settings.BenchEcho)
        {
            return;
        }
        // The ceiling of this server on this machine: the HTTP stack and the body read, no store and no sign-in.
        app.MapPost("/api/bench/echo", Echo).ExcludeFromDescription().Allow(AccessRule.Anyone);
    }

    private static async Task<NoContent> Echo(HttpRequest request, CancellationToken cancellationToken)
    {
        await request.Body.CopyToAsync(Stream.Null, cancellationToken);
        return TypedResults.NoContent();
    }
}
