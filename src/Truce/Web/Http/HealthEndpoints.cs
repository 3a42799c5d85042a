using Truce.Storage;

namespace Truce.Web;

internal static class HealthEndpoints
{
    /// <summary>For a load balancer: 200 "ok" while the store answers, 503 when it does not.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (TruceDb db, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: FailureText.Say($"The store cannot be reached.")))
            .Allow(AccessRule.Anyone).ExcludeFromDescription();
}
