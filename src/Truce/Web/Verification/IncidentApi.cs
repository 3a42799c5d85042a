using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

internal static class IncidentApi
{
    public static void MapIncidentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").WithTags("Incidents");
        api.MapPost("/", (JsonInput<IncidentInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            input.ThenAsync(body => Incidents.GroupAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(Location, i => IncidentJson.From(i)))
            .Allow(AccessRule.For(Operation.GroupIncident))
            .WithSummary("Group observations into a new incident (analysts). Idempotent by the client's id.");
        api.MapGet("/", List).Allow(AccessRule.Anyone).Reads(QueryParameter.From, QueryParameter.To, QueryParameter.Category, QueryParameter.Status, QueryParameter.Party, QueryParameter.Incident, QueryParameter.Near, QueryParameter.RadiusKm, QueryParameter.Bbox, QueryParameter.Zone, QueryParameter.Page, QueryParameter.PageSize, QueryParameter.GeoJsonFormat).Produces<PageJson<IncidentJson>>().WithSummary("List incidents, newest first. Filters: category, status, from, to, party, near=LAT,LON or near=site:ID with radius_km, bbox=W,S,E,N, zone; paging: page, pageSize. Accept: application/geo+json answers a FeatureCollection.");
        api.MapGet("/{id:guid}", Get).Allow(AccessRule.Anyone);
        api.MapPost("/{id:guid}/assessments", (Guid id, JsonInput<AssessmentInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            input.ThenAsync(body => Incidents.AssessAsync(db, viewer, id, body, cancellationToken)).ToCreatedAsync(a => $"/api/incidents/{id}", AssessmentJson.From))
            .Allow(AccessRule.For(Operation.AssessIncident))
            .WithSummary("Record an assessment: Admiralty grade, status (only legal transitions), attribution and clause breached.");
    }

    public static string Location(Incident incident) => $"/api/incidents/{incident.Id}";

    private static async Task<IResult> List(HttpRequest request, Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var filter = ListFilter.Parse(name => request.Query[name].FirstOrDefault());
        var listed = filter.Failure is { } bad ? bad : await Incidents.ListAsync(db, viewer, filter.Value!, cancellationToken);
        return listed.ToPageAnswer(request, i => IncidentJson.From(i), (i, json) => GeoJson.At(i.Id.ToString(), i.Latitude, i.Longitude, json));
    }

    private static async Task<Results<Ok<IncidentJson>, ProblemHttpResult>> Get(Guid id, Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var incident = await Incidents.FindAsync(db, viewer, id, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound("The incident");
        }
        var observations = await Incidents.ObservationsOfAsync(db, viewer, id, cancellationToken);
        // The flag from the observations this viewer sees, as the incident's page shows it (docs/hotline.md).
        var (notice, _) = await ActivityNotices.OfAsync(db, observations, cancellationToken);
        return TypedResults.Ok(IncidentJson.From(incident, [.. observations.Select(o => o.Id)]) with
        {
            PriorNotice = notice == Truce.Activities.PriorNotice.None ? null : Slug.Of(notice),
        });
    }
}
