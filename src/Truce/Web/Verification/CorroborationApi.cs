using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

/// <summary>The corroboration engine's proposals and the analyst's decisions on them (attach, split, merge).</summary>
internal static class CorroborationApi
{
    public static void MapCorroborationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/corroboration").WithTags("Corroboration").Allow(AccessRule.For(Operation.Corroborate));
        api.MapGet("/proposals", Proposals).Reads(QueryParameter.From, QueryParameter.To)
            .WithSummary("Groups of unassigned observations the engine takes for one event (analysts), in from..to (default: the last 7 days). Accept one with POST /api/incidents.");
        api.MapGet("/candidates/{id:guid}", (Guid id, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            CorroborationReview.CandidatesAsync(db, viewer, id, cancellationToken).ToOkAsync(candidates => candidates))
            .WithSummary("The observations one observation matches and the incidents that hold them, found through the cell index.");

        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").Allow(AccessRule.For(Operation.Corroborate));
        incidents.MapPost("/{id:guid}/observations", (Guid id, JsonInput<ObservationsInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            input.ThenAsync(body => CorroborationReview.AttachAsync(db, viewer, id, body, cancellationToken)).ToOkAsync(i => IncidentJson.From(i)))
            .WithSummary("Attach unassigned observations to an incident; its summary is recomputed.");
        incidents.MapPost("/{id:guid}/split", (Guid id, JsonInput<ObservationsInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            input.ThenAsync(body => CorroborationReview.SplitAsync(db, viewer, id, body, cancellationToken)).ToCreatedAsync(IncidentApi.Location, i => IncidentJson.From(i)))
            .WithSummary("Take observations out of an incident into a new incident (the body's id; idempotent).");
        incidents.MapPost("/{id:guid}/merge", (Guid id, JsonInput<MergeInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            input.ThenAsync(body => CorroborationReview.MergeAsync(db, viewer, id, body, cancellationToken)).ToOkAsync(i => IncidentJson.From(i)))
            .WithSummary("Move another incident's observations into this one and remove the other (which must have no assessments).");
    }

    private static async Task<Results<Ok<ClusterJson[]>, ProblemHttpResult>> Proposals(HttpRequest request, Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (from, to) = Submission.ParsePeriod(request.Query["from"].FirstOrDefault(), request.Query["to"].FirstOrDefault(), errors);
        if (errors.Any)
        {
            return (errors.ToFailure($"The period is invalid.") with { Kind = FailureKind.Malformed }).ToProblem();
        }
        return await CorroborationReview.ProposalsAsync(db, viewer, from, to, cancellationToken)
            .ToOkAsync(clusters => clusters.Select(c => new ClusterJson(c.Members, c.SourceCount, c.Candidates, c.StartsAt)).ToArray());
    }
}
