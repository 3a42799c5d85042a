using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Handovers;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The handover pages: the timeline, one handover, its printable certificate, the commitments. The same Core calls as <see cref="HandoverApi"/>.</summary>
internal static class HandoverPages
{
    public static void MapHandoverPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/handover", Timeline).Allow(AccessRule.Anyone);
        pages.MapGet("/handover/{id:guid}", (Guid id, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
            DetailAsync(id, chrome, db, null, cancellationToken)).Allow(AccessRule.Anyone);
        pages.MapGet("/handover/{id:guid}/certificate", Certificate).Allow(AccessRule.Anyone);
        MapHandoverForm(pages, "/handover/{id:guid}/transitions", (id, form, viewer, db, cancellationToken) =>
            HandoverPlanning.MoveAsync(db, viewer, id, new TransitionInput
            {
                To = Field(form, "to"), Reason = Field(form, "reason"), Override = Field(form, "override") == "true",
            }, cancellationToken)).Allow(AccessRule.For(Operation.PlanHandover));
        MapHandoverForm(pages, "/handover/{id:guid}/signoffs", (id, form, viewer, db, cancellationToken) =>
            HandoverPlanning.SignOffAsync(db, viewer, id, new SignOffInput { CertificateHash = Field(form, "certificateHash") }, cancellationToken))
            .Allow(AccessRule.For(Operation.SignOffHandover));
        pages.MapPost("/handover/{id:guid}/checklist/{itemId:guid}", async (Guid id, Guid itemId, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
        {
            var done = await HandoverPlanning.RecordEvidenceAsync(db, chrome.Viewer, id, itemId, new ChecklistEvidenceInput { Evidence = Field(form, "evidence") }, cancellationToken);
            return await AfterAsync(id, done.Failure, chrome, db, cancellationToken);
        }).Allow(AccessRule.For(Operation.TrackCommitments));
        pages.MapGet("/commitments", (Chrome chrome, TruceDb db, CancellationToken cancellationToken) => CommitmentsAsync(chrome, db, null, cancellationToken))
            .Allow(AccessRule.Anyone);
        pages.MapPost("/commitments/{id:guid}/status", async (Guid id, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
        {
            var set = await Commitments.SetStatusAsync(db, chrome.Viewer, id, new CommitmentStatusInput
            {
                Status = Field(form, "status"), Reason = Field(form, "reason"), Evidence = Field(form, "evidence"),
            }, cancellationToken);
            if (set.Failure is { } failure)
            {
                db.ChangeTracker.Clear();
                return (IResult)await CommitmentsAsync(chrome, db, failure, cancellationToken);
            }
            return TypedResults.Redirect($"/commitments#commitment-{id}");
        }).Allow(AccessRule.For(Operation.TrackCommitments));
    }

    private static string? Field(IFormCollection form, string name) => string.IsNullOrWhiteSpace(form[name]) ? null : form[name].ToString();

    private static async Task<RazorComponentResult> Timeline(Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
        new HandoverTimelineModel(chrome, await HandoverTimeline.LoadAsync(db, chrome.Viewer, cancellationToken),
            await HandoverApi.RisksAsync(db, chrome.Viewer, cancellationToken), settings.TileUrl).Render();

    private static async Task<RazorComponentResult> DetailAsync(Guid id, Chrome chrome, TruceDb db, Failure? problem, CancellationToken cancellationToken)
    {
        var evaluated = await HandoverTimeline.FindAsync(db, chrome.Viewer, id, cancellationToken);
        var certificate = await HandoverCertificate.BuildAsync(db, id, cancellationToken);
        if (evaluated is null || certificate is null)
        {
            return new NotFoundModel(chrome, "NotFound.Handover").Render(StatusCodes.Status404NotFound);
        }
        var checklist = (await db.Set<ChecklistItem>().AsNoTracking().Where(i => i.HandoverId == id).ToListAsync(cancellationToken))
            .OrderBy(i => i.Text, StringComparer.Ordinal).ToList();
        return new HandoverDetailModel(chrome, evaluated, certificate, checklist, problem).Render();
    }

    private static async Task<IResult> Certificate(Guid id, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
        await HandoverApi.SignedAsync(id, db, settings, cancellationToken) is { } signed
            ? new HandoverCertificateModel(chrome, signed.Certificate, signed.SignedText).Render()
            : new NotFoundModel(chrome, "NotFound.Handover").Render(StatusCodes.Status404NotFound);

    private static async Task<RazorComponentResult> CommitmentsAsync(Chrome chrome, TruceDb db, Failure? problem, CancellationToken cancellationToken)
    {
        var history = await db.Set<CommitmentStatusChange>().AsNoTracking().ToListAsync(cancellationToken);
        return new CommitmentListModel(chrome, await Commitments.ListAsync(db, cancellationToken),
            history.OrderBy(h => h.At).ToLookup(h => h.CommitmentId), Instant.Now(db.Clock), problem).Render();
    }

    /// <summary>A form posted from a handover's page: back to the page, or the page again with the refusal under its form.</summary>
    private static RouteHandlerBuilder MapHandoverForm<T>(
        IEndpointRouteBuilder pages, string pattern, Func<Guid, IFormCollection, Viewer, TruceDb, CancellationToken, Task<Result<T>>> decide) =>
        pages.MapPost(pattern, async (Guid id, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
            await AfterAsync(id, (await decide(id, form, chrome.Viewer, db, cancellationToken)).Failure, chrome, db, cancellationToken));

    private static async Task<IResult> AfterAsync(Guid id, Failure? failure, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        if (failure is null)
        {
            return TypedResults.Redirect($"/handover/{id}");
        }
        db.ChangeTracker.Clear();
        return await DetailAsync(id, chrome, db, failure, cancellationToken);
    }
}
