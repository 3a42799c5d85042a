using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Field;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The field client: the installable app at /field/ (its scripts, manifest and service worker are files under
/// wwwroot/field), the session a shared device signs in with, and evidence uploaded in resumable parts.
/// </summary>
internal static class FieldEndpoints
{
    public const string AppPath = "/field/";

    public static void MapField(this IEndpointRouteBuilder app)
    {
        // The service worker at /field/sw.js controls what is under /field/, so the app lives at /field/, not /field.
        app.MapGet("/field", (HttpRequest request, Chrome chrome) => request.Path.Value!.EndsWith('/')
                ? new FieldAppModel(chrome).Render()
                : (IResult)TypedResults.Redirect(AppPath))
            .Allow(AccessRule.Anyone).ExcludeFromDescription();

        var api = app.MapGroup("/api/field").WithTags("Field client");
        api.MapPost("/sessions", Start).Allow(AccessRule.Anyone).RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Sign in on a field device: a bearer token lasting the patrol (hours, 1 to 72; 12 unless given), revocable like any token.");
        api.MapDelete("/sessions/current", End).Allow(AccessRule.SignedIn)
            .WithSummary("End the field session whose bearer token this request sends: the token stops working at once.");

        app.MapPut("/api/observations/{id:guid}/evidence/{sha256}", EvidenceChunks.PutAsync).WithTags("Observations")
            .Allow(AccessRule.For(Operation.AttachEvidence)).Accepts<Stream>("application/octet-stream")
            .WithSummary("Upload an evidence file in parts: Content-Range bytes FIRST-LAST/TOTAL, name and type in the query. 202 with Upload-Offset until whole; 201 once its SHA-256 matches the address; 200 if the observation already cites it.");
    }

    private static async Task<Results<Created<FieldSessionJson>, ProblemHttpResult>> Start(
        JsonInput<FieldSignInInput> input, HttpContext context, TruceDb db, CancellationToken cancellationToken)
    {
        var started = await input.ThenAsync(body =>
            FieldSessions.StartAsync(db, body.Name ?? "", body.Password ?? "", ClientAddress.Of(context), body.Hours, body.Device, cancellationToken));
        return started.Failure is { } failure
            ? failure.ToProblem()
            : TypedResults.Created((string?)null, FieldSessionJson.From(started.Value!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> End(HttpRequest request, Viewer viewer, TruceDb db, ViewerCache viewers, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Field(FailureKind.Malformed, "Authorization", $"send the session's bearer token; a page's sign-in ends with /logout.").ToProblem();
        }
        var secret = header["Bearer ".Length..].Trim();
        var ended = await FieldSessions.EndAsync(db, viewer, secret, cancellationToken);
        if (ended.Failure is null)
        {
            viewers.ForgetToken(secret);
        }
        return ended.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }
}
