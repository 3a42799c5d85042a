using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

/// <summary>The proposals page and the incident page's decisions; the same Core calls as the corroboration API.</summary>
internal static class CorroborationPages
{
    public static void MapCorroborationPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/corroboration", Proposals).ExcludeFromDescription().Allow(AccessRule.For(Operation.Corroborate));
        var pages = app.MapGroup("").ExcludeFromDescription().Allow(AccessRule.For(Operation.Corroborate));
        pages.MapDecision("/incidents/{id:guid}/observations", (id, form, viewer, db, cancellationToken) => IdOf(
            CorroborationReview.AttachAsync(db, viewer, id, new ObservationsInput { ObservationIds = IncidentPages.IdsOf(form, "observationIds") }, cancellationToken)));
        pages.MapDecision("/incidents/{id:guid}/split", async (id, form, viewer, db, cancellationToken) =>
        {
            var split = await CorroborationReview.SplitAsync(db, viewer, id,
                new ObservationsInput { Id = Guid.TryParse(form["id"], out var g) ? g : null, ObservationIds = IncidentPages.IdsOf(form, "observationIds") }, cancellationToken);
            return split.Failure is { } failure ? failure : split.Value!.Record.Id;
        });
        pages.MapDecision("/incidents/{id:guid}/merge", (id, form, viewer, db, cancellationToken) => IdOf(CorroborationReview.MergeAsync(db, viewer, id,
            new MergeInput { IncidentId = Guid.TryParse(form["incidentId"], out var other) ? other : Guid.Empty }, cancellationToken)));
    }

    private static async Task<Result<Guid>> IdOf(Task<Result<Incident>> decision)
    {
        var decided = await decision;
        return decided.Failure is { } failure ? failure : decided.Value!.Id;
    }

    private static async Task<RazorComponentResult> Proposals(HttpRequest request, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (from, to) = Submission.ParsePeriod(request.Query["from"].FirstOrDefault(), request.Query["to"].FirstOrDefault(), errors);
        var proposals = errors.Any ? errors.ToFailure() : await CorroborationReview.ProposalsAsync(db, chrome.Viewer, from, to, cancellationToken);
        var ids = proposals.Value?.SelectMany(c => c.Members).ToList() ?? [];
        var observations = await db.Observations.AsNoTracking().VisibleTo(chrome.Viewer).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        return new ProposalListModel(chrome, [.. (proposals.Value ?? []).Select(c => new Proposal(c, [.. c.Members.Select(m => observations[m])]))],
            from, to, proposals.Failure).Render();
    }
}
