using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

/// <summary>The corroboration engine's proposals and the analyst's decisions on them (attach, split, merge).</summary>
internal static class CorroborationEndpoints
{
    public static void MapCorroborationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/corroboration").WithTags("Corroboration").Allow(AccessRule.For(Operation.Corroborate));
        api.MapGet("/proposals", Proposals)
            .WithSummary("Groups of unassigned observations the engine takes for one event (analysts), in from..to (default: the last 7 days). Accept one with POST /api/incidents.");
        api.MapGet("/candidates/{id:guid}", CandidatesOf)
            .WithSummary("The observations one observation matches and the incidents that hold them, found through the cell index.");
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").Allow(AccessRule.For(Operation.Corroborate));
        incidents.MapPost("/{id:guid}/observations", Attach).Accepts<ObservationsInput>("application/json")
            .WithSummary("Attach unassigned observations to an incident; its summary is recomputed.");
        incidents.MapPost("/{id:guid}/split", Split).Accepts<ObservationsInput>("application/json")
            .WithSummary("Take observations out of an incident into a new incident (the body's id; idempotent).");
        incidents.MapPost("/{id:guid}/merge", Merge).Accepts<MergeInput>("application/json")
            .WithSummary("Move another incident's observations into this one and remove the other (which must have no assessments).");
    }

    private static async Task<Results<Ok<ClusterJson[]>, ProblemHttpResult>> Proposals(HttpContext context, TruceDb db)
    {
        var errors = new FieldErrors();
        var from = Submission.ParseInstant(context.Request.Query["from"].FirstOrDefault(), "from", errors);
        var to = Submission.ParseInstant(context.Request.Query["to"].FirstOrDefault(), "to", errors);
        if (errors.Any)
        {
            return (errors.ToFailure("The period is invalid.") with { Kind = FailureKind.Malformed }).ToProblem();
        }
        var viewer = context.Viewer();
        if (!viewer.IsSignedIn)
        {
            return Problems.Denied(viewer, "");
        }
        var proposals = await Corroborations.ProposalsAsync(db, viewer, from, to, context.RequestAborted);
        return proposals.Failure is { } refused
            ? refused.ToProblem()
            : TypedResults.Ok(proposals.Value!.Select(c => new ClusterJson(c.Members, c.SourceCount, c.Candidates, c.StartsAt)).ToArray());
    }

    private static async Task<Results<Ok<Candidates>, ProblemHttpResult>> CandidatesOf(Guid id, HttpContext context, TruceDb db)
    {
        var viewer = context.Viewer();
        if (!viewer.IsSignedIn)
        {
            return Problems.Denied(viewer, "");
        }
        var candidates = await Corroborations.CandidatesAsync(db, viewer, id, context.RequestAborted);
        return candidates.Failure is { } refused ? refused.ToProblem() : TypedResults.Ok(candidates.Value!);
    }

    private static Task<IResult> Attach(Guid id, HttpRequest request, TruceDb db) =>
        DecideAsync<ObservationsInput>(request, async (viewer, input, ct) =>
        {
            var attached = await Corroborations.AttachAsync(db, viewer, id, input, ct);
            return attached.Failure is { } refused ? refused.ToProblem() : TypedResults.Ok(IncidentJson.From(attached.Value!));
        });

    private static Task<IResult> Split(Guid id, HttpRequest request, TruceDb db) =>
        DecideAsync<ObservationsInput>(request, async (viewer, input, ct) =>
        {
            var split = await Corroborations.SplitAsync(db, viewer, id, input, ct);
            if (split.Failure is { } refused)
            {
                return refused.ToProblem();
            }
            var (incident, replayed) = split.Value!;
            var json = IncidentJson.From(incident);
            return replayed ? TypedResults.Ok(json) : TypedResults.Created($"/api/incidents/{incident.Id}", json);
        });

    private static Task<IResult> Merge(Guid id, HttpRequest request, TruceDb db) =>
        DecideAsync<MergeInput>(request, async (viewer, input, ct) =>
        {
            var merged = await Corroborations.MergeAsync(db, viewer, id, input, ct);
            return merged.Failure is { } refused ? refused.ToProblem() : TypedResults.Ok(IncidentJson.From(merged.Value!));
        });

    private static async Task<IResult> DecideAsync<T>(HttpRequest request, Func<Access.Viewer, T, CancellationToken, Task<IResult>> decide)
        where T : class
    {
        var viewer = request.HttpContext.Viewer();
        if (!viewer.IsSignedIn)
        {
            return Problems.Denied(viewer, "");
        }
        var body = await JsonBody.ReadAsync<T>(request);
        return body.Failure is { } malformed ? malformed.ToProblem() : await decide(viewer, body.Value!, request.HttpContext.RequestAborted);
    }
}

internal sealed record ClusterJson(IReadOnlyList<Guid> ObservationIds, int SourceCount, IReadOnlyList<Guid> CandidateIds, DateTimeOffset StartsAt);
