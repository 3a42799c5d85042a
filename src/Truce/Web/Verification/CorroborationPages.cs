using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Cli;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

/// <summary>The proposals page and the incident page's decisions; the same Core calls as the corroboration API.</summary>
internal static class CorroborationPages
{
    public static void MapCorroborationPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription().Allow(AccessRule.For(Operation.Corroborate));
        pages.MapGet("/corroboration", Proposals).Allow(AccessRule.For(Operation.Corroborate));
        pages.MapPost("/incidents/{id:guid}/observations", (Guid id, HttpContext context, TruceDb db, TruceSettings settings, IFormCollection form) =>
            DecideAsync(id, context, db, settings, () => Corroborations.AttachAsync(db, context.Viewer(), id, new ObservationsInput { ObservationIds = Ids(form) }, context.RequestAborted)));
        pages.MapPost("/incidents/{id:guid}/split", (Guid id, HttpContext context, TruceDb db, TruceSettings settings, IFormCollection form) =>
            DecideAsync(id, context, db, settings, async () =>
            {
                var split = await Corroborations.SplitAsync(db, context.Viewer(), id,
                    new ObservationsInput { Id = Guid.TryParse(form["id"], out var g) ? g : null, ObservationIds = Ids(form) }, context.RequestAborted);
                return split.Failure is { } f ? f : split.Value!.Record;
            }));
        pages.MapPost("/incidents/{id:guid}/merge", (Guid id, HttpContext context, TruceDb db, TruceSettings settings, IFormCollection form) =>
            DecideAsync(id, context, db, settings, () => Corroborations.MergeAsync(db, context.Viewer(), id,
                new MergeInput { IncidentId = Guid.TryParse(form["incidentId"], out var other) ? other : Guid.Empty }, context.RequestAborted)));
    }

    private static List<Guid> Ids(IFormCollection form) =>
        [.. form["observationIds"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty)];

    private static async Task<IResult> Proposals(HttpContext context, TruceDb db)
    {
        var viewer = context.Viewer();
        var chrome = await Chrome.LoadAsync(db, viewer, context.RequestAborted);
        var errors = new FieldErrors();
        string? Day(string name, string time) => context.Request.Query[name].FirstOrDefault() is { Length: 10 } d ? d + time : context.Request.Query[name].FirstOrDefault();
        var from = Submission.ParseInstant(Day("from", "T00:00:00Z"), "from", errors);
        var to = Submission.ParseInstant(Day("to", "T23:59:59.999999Z"), "to", errors);
        if (!viewer.IsSignedIn)
        {
            return TypedResults.Redirect("/login?returnUrl=%2Fcorroboration");
        }
        var proposals = errors.Any ? errors.ToFailure() : await Corroborations.ProposalsAsync(db, viewer, from, to, context.RequestAborted);
        var ids = proposals.Value?.SelectMany(c => c.Members).ToList() ?? [];
        var observations = await db.Observations.AsNoTracking().VisibleTo(viewer).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, context.RequestAborted);
        return new RazorComponentResult<ProposalList>(new
        {
            Chrome = chrome,
            Proposals = (proposals.Value ?? []).Select(c => new ProposalList.Proposal(c, [.. c.Members.Select(m => observations[m])])).ToList(),
            From = from,
            To = to,
            Problem = proposals.Failure,
        })
        { StatusCode = proposals.Failure is { } f ? Problems.Status(f.Kind) : 200 };
    }

    private static async Task<IResult> DecideAsync(Guid id, HttpContext context, TruceDb db, TruceSettings settings, Func<Task<Result<Incident>>> decide)
    {
        var decided = await decide();
        if (decided.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await MonitoringPages.IncidentPage(context, db, settings, id, failure, Problems.Status(failure.Kind));
        }
        return TypedResults.Redirect($"/incidents/{decided.Value!.Id}");
    }
}
