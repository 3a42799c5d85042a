using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

internal static class IncidentEndpoints
{
    public static void MapIncidentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").WithTags("Incidents");
        api.MapPost("/", Group).Allow(AccessRule.For(Operation.GroupIncident)).Accepts<IncidentInput>("application/json")
            .WithSummary("Group observations into a new incident (analysts). Idempotent by the client's id.");
        api.MapGet("/", List).Allow(AccessRule.Anyone).WithSummary("List incidents, newest first. Filters: category, status, from, to, party, near=LAT,LON or near=site:ID with radius_km, bbox=W,S,E,N, zone; paging: page, pageSize. Accept: application/geo+json answers a FeatureCollection.");
        api.MapGet("/{id:guid}", Get).Allow(AccessRule.Anyone);
        api.MapPost("/{id:guid}/assessments", Assess).Allow(AccessRule.For(Operation.AssessIncident)).Accepts<AssessmentInput>("application/json")
            .WithSummary("Record an assessment: Admiralty grade, status (only legal transitions), attribution and clause breached.");
    }

    private static async Task<Results<Created<IncidentJson>, Ok<IncidentJson>, ProblemHttpResult>> Group(HttpRequest request, TruceDb db)
    {
        var viewer = request.HttpContext.Viewer();
        if (!viewer.IsSignedIn)
        {
            return Problems.Denied(viewer, "");
        }
        var body = await JsonBody.ReadAsync<IncidentInput>(request);
        if (body.Failure is { } malformed)
        {
            return malformed.ToProblem();
        }
        var grouped = await Incidents.GroupAsync(db, viewer, body.Value!, request.HttpContext.RequestAborted);
        if (grouped.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var (incident, replayed) = grouped.Value!;
        var json = IncidentJson.From(incident);
        return replayed ? TypedResults.Ok(json) : TypedResults.Created($"/api/incidents/{incident.Id}", json);
    }

    private static async Task<IResult> List(HttpContext context, TruceDb db)
    {
        var filter = ListFilter.Parse(name => context.Request.Query[name].FirstOrDefault());
        if (filter.Failure is { } bad)
        {
            return bad.ToProblem();
        }
        var listed = await Incidents.ListAsync(db, context.Viewer(), filter.Value!, context.RequestAborted);
        if (listed.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var page = listed.Value!;
        if (GeoJson.Wanted(context.Request))
        {
            return GeoJson.Result(new GeoJson.FeatureCollection(
                [.. page.Items.Select(i => GeoJson.At(i.Id.ToString(), i.Latitude, i.Longitude, IncidentJson.From(i)))],
                page.Total, page.PageNumber, page.PageSize));
        }
        return TypedResults.Ok(new PageJson<IncidentJson>([.. page.Items.Select(i => IncidentJson.From(i))], page.PageNumber, page.PageSize, page.Total, page.PageCount));
    }

    private static async Task<Results<Ok<IncidentJson>, ProblemHttpResult>> Get(Guid id, HttpContext context, TruceDb db)
    {
        var viewer = context.Viewer();
        var incident = await Incidents.FindAsync(db, viewer, id, context.RequestAborted);
        if (incident is null)
        {
            return Problems.NotFound("The incident");
        }
        var observations = await Incidents.ObservationsOfAsync(db, viewer, id, context.RequestAborted);
        return TypedResults.Ok(IncidentJson.From(incident, [.. observations.Select(o => o.Id)]));
    }

    private static async Task<Results<Created<AssessmentJson>, Ok<AssessmentJson>, ProblemHttpResult>> Assess(Guid id, HttpRequest request, TruceDb db)
    {
        var viewer = request.HttpContext.Viewer();
        if (!viewer.IsSignedIn)
        {
            return Problems.Denied(viewer, "");
        }
        var body = await JsonBody.ReadAsync<AssessmentInput>(request);
        if (body.Failure is { } malformed)
        {
            return malformed.ToProblem();
        }
        var assessed = await Incidents.AssessAsync(db, viewer, id, body.Value!, request.HttpContext.RequestAborted);
        if (assessed.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var (assessment, replayed) = assessed.Value!;
        var json = AssessmentJson.From(assessment);
        return replayed ? TypedResults.Ok(json) : TypedResults.Created($"/api/incidents/{id}", json);
    }
}
