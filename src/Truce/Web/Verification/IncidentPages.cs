using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

/// <summary>The incident pages: the list, one incident, grouping observations and assessing. The same Core calls as the incident API.</summary>
internal static class IncidentPages
{
    public static void MapIncidentPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/incidents", List).Allow(AccessRule.Anyone);
        pages.MapPost("/incidents", Group).Allow(AccessRule.For(Operation.GroupIncident));
        pages.MapGet("/incidents/{id:guid}", (Guid id, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
            DetailPage(id, chrome, db, settings, null, cancellationToken)).Allow(AccessRule.Anyone);
        pages.MapDecision("/incidents/{id:guid}/assessments", async (id, form, viewer, db, cancellationToken) =>
        {
            var assessed = await Incidents.AssessAsync(db, viewer, id, AssessmentForm.Read(form), cancellationToken);
            return assessed.Failure is { } failure ? failure : id;
        }).Allow(AccessRule.For(Operation.AssessIncident));
    }

    private static async Task<RazorComponentResult> List(HttpRequest request, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var filter = ListPageQuery.Filter(request);
        var listed = await Incidents.ListAsync(db, chrome.Viewer, filter.Value ?? new ListFilter(), cancellationToken);
        var page = listed.Value ?? (await Incidents.ListAsync(db, chrome.Viewer, new ListFilter(), cancellationToken)).Value!;
        return new IncidentListModel(chrome, page, filter.Value ?? new ListFilter(), ListPageQuery.PageLink(request, "/incidents"),
            filter.Failure ?? listed.Failure).Render();
    }

    /// <summary>Observations ticked on the list page (or a proposal accepted) become one incident; a refusal shows the list again.</summary>
    private static async Task<IResult> Group(HttpRequest request, IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var grouped = await Incidents.GroupAsync(db, chrome.Viewer, new IncidentInput
        {
            Id = Guid.TryParse(form["id"], out var id) ? id : null,
            ObservationIds = IdsOf(form, "observationIds"),
        }, cancellationToken);
        return grouped.Failure is { } failure
            ? await ObservationPages.ListPage(request, chrome, db, new ListFilter(), null, failure, cancellationToken)
            : TypedResults.Redirect($"/incidents/{grouped.Value!.Record.Id}");
    }

    /// <summary>The form's ids; one that is not an id becomes the empty id, which the command refuses by name.</summary>
    public static List<Guid> IdsOf(IFormCollection form, string field) =>
        [.. form[field].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty)];

    public static async Task<RazorComponentResult> DetailPage(
        Guid id, Chrome chrome, TruceDb db, TruceSettings settings, Failure? problem, CancellationToken cancellationToken)
    {
        var incident = await Incidents.FindAsync(db, chrome.Viewer, id, cancellationToken);
        if (incident is null)
        {
            return new NotFoundModel(chrome, "NotFound.Incident").Render(StatusCodes.Status404NotFound);
        }
        var observations = await Incidents.ObservationsOfAsync(db, chrome.Viewer, id, cancellationToken);
        var (notice, activity) = await ActivityNotices.OfAsync(db, observations, cancellationToken);
        return new IncidentDetailModel(chrome, incident, observations,
            await MissionEndpoints.PartiesAsync(db, cancellationToken), problem, AssessmentId: Guid.CreateVersion7(), settings.TileUrl, notice, activity).Render();
    }

    /// <summary>
    /// A form posted from an incident's page: the decision answers the incident to go to, or a failure, shown on
    /// the incident's page under the form (with the status of its kind).
    /// </summary>
    public static RouteHandlerBuilder MapDecision(
        this IEndpointRouteBuilder pages, string pattern, Func<Guid, IFormCollection, Viewer, TruceDb, CancellationToken, Task<Result<Guid>>> decide) =>
        pages.MapPost(pattern, async (Guid id, IFormCollection form, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
        {
            var decided = await decide(id, form, chrome.Viewer, db, cancellationToken);
            if (decided.Failure is { } failure)
            {
                db.ChangeTracker.Clear();
                return (IResult)await DetailPage(id, chrome, db, settings, failure, cancellationToken);
            }
            return TypedResults.Redirect($"/incidents/{decided.Value}");
        });
}
