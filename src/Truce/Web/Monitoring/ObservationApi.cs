using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Web;

internal static class ObservationApi
{
    public static void MapObservationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/observations").WithTags("Observations");
        api.MapPost("/", Submit).Allow(AccessRule.For(Operation.SubmitObservation)).RequireRateLimiting(RateLimits.Submissions)
            .WithSummary("Submit an observation. A retry with the same id and body returns the first result (200); another body under that id is a 409.");
        api.MapGet("/", List).Allow(AccessRule.Anyone).Reads(QueryParameter.From, QueryParameter.To, QueryParameter.Category, QueryParameter.Status, QueryParameter.Party, QueryParameter.Incident, QueryParameter.Near, QueryParameter.RadiusKm, QueryParameter.Bbox, QueryParameter.Zone, QueryParameter.Page, QueryParameter.PageSize, QueryParameter.GeoJsonFormat).Produces<PageJson<ObservationJson>>().WithSummary("List observations, newest first. Filters: category, from, to, party, near=LAT,LON or near=site:ID with radius_km, bbox=W,S,E,N, zone; paging: page, pageSize. Accept: application/geo+json answers a FeatureCollection.");
        api.MapGet("/{id:guid}", Get).Allow(AccessRule.Anyone);
        // Antiforgery and the per-minute limit are the EvidenceGate's, the same for every way evidence arrives.
        api.MapPost("/{id:guid}/evidence", AttachEvidence).Allow(AccessRule.For(Operation.AttachEvidence)).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attach an evidence file (multipart field 'file'); kept once by its SHA-256, cited under the name given. Only the mission and the side that submitted the observation may attach; a signed-in browser sends its antiforgery token (field __RequestVerificationToken).");
        api.MapGet("/{id:guid}/evidence/{sha256}", GetEvidence).Allow(AccessRule.Anyone);
    }

    private static Task<Results<Created<ObservationJson>, Ok<ObservationJson>, ProblemHttpResult>> Submit(
        JsonInput<ObservationInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
        input.ThenAsync(body => Observations.SubmitAsync(db, viewer, body, cancellationToken))
            .ToCreatedAsync(o => $"/api/observations/{o.Id}", ObservationJson.From);

    private static async Task<IResult> List(HttpRequest request, Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var filter = ListFilter.Parse(name => request.Query[name].FirstOrDefault());
        var listed = filter.Failure is { } bad ? bad : await Observations.ListAsync(db, viewer, filter.Value!, cancellationToken);
        return listed.ToPageAnswer(request, ObservationJson.From, (o, json) => GeoJson.At(o.Id.ToString(), o.Latitude, o.Longitude, json));
    }

    private static async Task<Results<Ok<ObservationJson>, ProblemHttpResult>> Get(Guid id, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
        await Observations.FindAsync(db, viewer, id, cancellationToken) is { } observation
            ? TypedResults.Ok(ObservationJson.From(observation))
            : Problems.NotFound("The observation");

    private static async Task<Results<Created<EvidenceJson>, ProblemHttpResult>> AttachEvidence(
        Guid id, HttpRequest request, Viewer viewer, TruceDb db, TruceSettings settings, EvidenceGate gate, CancellationToken cancellationToken)
    {
        if (await gate.RefuseAsync(request.HttpContext, viewer, files: 1) is { } refused)
        {
            return refused;
        }
        var attached = await EvidenceUpload.AttachAsync(request, db, viewer, id, settings, cancellationToken);
        if (attached.Failure is { } failure)
        {
            return failure.ToProblem();
        }
        var json = EvidenceJson.From(attached.Value!);
        return TypedResults.Created(json.Url, json);
    }

    private static async Task<IResult> GetEvidence(Guid id, string sha256, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
        await Evidence.FindAsync(db, viewer, id, sha256.ToLowerInvariant(), cancellationToken) is { } file
            // Served as an attachment, never rendered inline, so an uploaded page cannot run as ours; under this
            // observation's own name for it.
            ? TypedResults.File(file.Content, "application/octet-stream", file.FileName)
            : Problems.NotFound("The evidence file");
}
