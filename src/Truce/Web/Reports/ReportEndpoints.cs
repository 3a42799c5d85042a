using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Reports;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The mission's side of reports: generating a draft, editing its narrative, the review and publication, the parties'
/// replies while a report is in review, and the moderation queue of comments. The API and the pages call the same Core commands.
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");
        api.MapPost("/", (JsonInput<ReportInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => Reports.Reports.GenerateAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(r => $"/api/reports/{r.Id}", ReportJson.Of))
            .Allow(AccessRule.For(Operation.WriteReports))
            .WithSummary("Generates a draft report from the published data of its period: kind daily (date yyyy-MM-dd) or spot (from, to, headline); narrative in Markdown; corrects names the published report it corrects.");
        api.MapPost("/{report:guid}/status", (Guid report, JsonInput<ReportStatusInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => Reports.Reports.MoveAsync(db, viewer, report, body.Status, cancellationToken)).ToOkAsync(ReportJson.Of))
            .Allow(AccessRule.For(Operation.WriteReports))
            .WithSummary("Moves a report: draft → review (shared with the parties for their reply) → published (numbered, figures frozen); review → draft.");

        var pages = app.MapGroup("/reports").ExcludeFromDescription();
        pages.MapGet("", List).Allow(AccessRule.SignedIn);
        pages.MapPost("", Generate).Allow(AccessRule.For(Operation.WriteReports));
        pages.MapGet("/{report:guid}", (Guid report, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
            EditorPage(report, chrome, db, null, cancellationToken)).Allow(AccessRule.SignedIn);
        pages.MapPost("/{report:guid}", (Guid report, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
            Decide(report, chrome, db, () => Reports.Reports.EditAsync(db, chrome.Viewer, report, form["headline"], form["narrative"], cancellationToken), cancellationToken))
            .Allow(AccessRule.For(Operation.WriteReports));
        pages.MapPost("/{report:guid}/status", (Guid report, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
            Decide(report, chrome, db, () => Reports.Reports.MoveAsync(db, chrome.Viewer, report, form["status"], cancellationToken), cancellationToken))
            .Allow(AccessRule.For(Operation.WriteReports));
        pages.MapPost("/{report:guid}/replies", (Guid report, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
            Decide(report, chrome, db, () => Reports.Reports.ReplyAsync(db, chrome.Viewer, report,
                Guid.TryParse(form["incidentId"], out var incident) ? incident : Guid.Empty, form["reply"], cancellationToken), cancellationToken))
            .Allow(AccessRule.For(Operation.ReplyToReports));
        pages.MapGet("/comments", CommentQueue).Allow(AccessRule.For(Operation.ModerateComments));
        pages.MapPost("/comments/{comment:guid}", Moderate).Allow(AccessRule.For(Operation.ModerateComments));
    }

    private static async Task<RazorComponentResult> List(Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
        await ListPage(chrome, db, null, cancellationToken);

    private static async Task<RazorComponentResult> ListPage(Chrome chrome, TruceDb db, Failure? problem, CancellationToken cancellationToken) =>
        new ReportListModel(chrome, await Reports.Reports.ListAsync(db, chrome.Viewer, cancellationToken), Guid.CreateVersion7(),
            DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime.AddDays(-1)), problem).Render();

    private static async Task<IResult> Generate(IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var generated = await Reports.Reports.GenerateAsync(db, chrome.Viewer, new ReportInput
        {
            Id = Guid.TryParse(form["id"], out var id) ? id : null,
            Kind = form["kind"], Date = form["date"], From = form["from"], To = form["to"], Headline = form["headline"],
            Corrects = Guid.TryParse(form["corrects"], out var corrects) ? corrects : null,
        }, cancellationToken);
        if (generated.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await ListPage(chrome, db, failure, cancellationToken);
        }
        return TypedResults.Redirect($"/reports/{generated.Value!.Record.Id}");
    }

    private static async Task<IResult> Decide(Guid report, Chrome chrome, TruceDb db, Func<Task<Result<Report>>> decide, CancellationToken cancellationToken)
    {
        var decided = await decide();
        if (decided.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await EditorPage(report, chrome, db, failure, cancellationToken);
        }
        return TypedResults.Redirect($"/reports/{report}");
    }

    private static async Task<RazorComponentResult> EditorPage(Guid id, Chrome chrome, TruceDb db, Failure? problem, CancellationToken cancellationToken)
    {
        var report = await Reports.Reports.GetAsync(db, chrome.Viewer, id, cancellationToken);
        if (report.Value is not { } found)
        {
            return new NotFoundModel(chrome, "NotFound.Report").Render(StatusCodes.Status404NotFound);
        }
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new ReportEditorModel(chrome, found, Reports.Reports.Figures(found), parties, problem).Render();
    }

    private static async Task<RazorComponentResult> CommentQueue(Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
        await QueuePage(chrome, db, null, cancellationToken);

    private static async Task<RazorComponentResult> QueuePage(Chrome chrome, TruceDb db, Failure? problem, CancellationToken cancellationToken)
    {
        var held = await Comments.HeldAsync(db, chrome.Viewer, cancellationToken);
        var ids = held.Select(c => c.ReportId).Distinct().ToList();
        var reports = await db.Set<Report>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return new CommentQueueModel(chrome, held, reports, problem).Render();
    }

    private static async Task<IResult> Moderate(Guid comment, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var moderated = await Comments.ModerateAsync(db, chrome.Viewer, comment, form["decision"], cancellationToken);
        if (moderated.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await QueuePage(chrome, db, failure, cancellationToken);
        }
        return TypedResults.Redirect("/reports/comments");
    }
}
