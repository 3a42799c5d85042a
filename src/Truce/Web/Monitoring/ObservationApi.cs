using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Web;

internal static class ObservationEndpoints
{
    public static void MapObservationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/observations").WithTags("Observations");
        api.MapPost("/", Submit).Allow(AccessRule.For(Operation.SubmitObservation)).RequireRateLimiting(RateLimits.Submissions).Accepts<ObservationInput>("application/json")
            .WithSummary("Submit an observation. A retry with the same id and body returns the first result (200); another body under that id is a 409.");
        api.MapGet("/", List).Allow(AccessRule.Anyone).WithSummary("List observations, newest first. Filters: category, from, to, party, near=LAT,LON or near=site:ID with radius_km, bbox=W,S,E,N, zone; paging: page, pageSize. Accept: application/geo+json answers a FeatureCollection.");
        api.MapGet("/{id:guid}", Get).Allow(AccessRule.Anyone);
        api.MapPost("/{id:guid}/evidence", AttachEvidence).Allow(AccessRule.For(Operation.AttachEvidence)).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attach an evidence file (multipart field 'file'); kept once by its SHA-256.");
        api.MapGet("/{id:guid}/evidence/{sha256}", GetEvidence).Allow(AccessRule.Anyone);
    }

    private static async Task<Results<Created<ObservationJson>, Ok<ObservationJson>, ProblemHttpResult>> Submit(HttpRequest request, TruceDb db)
    {
        var viewer = request.HttpContext.Viewer();
        if (!viewer.IsSignedIn)
        {
            return Problems.Denied(viewer, "");
        }
        var body = await JsonBody.ReadAsync<ObservationInput>(request);
        if (body.Failure is { } malformed)
        {
            return malformed.ToProblem();
        }
        var submitted = await Observations.SubmitAsync(db, viewer, body.Value!, request.HttpContext.RequestAborted);
        if (submitted.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var (observation, replayed) = submitted.Value!;
        var json = ObservationJson.From(observation);
        return replayed ? TypedResults.Ok(json) : TypedResults.Created($"/api/observations/{observation.Id}", json);
    }

    private static async Task<IResult> List(HttpContext context, TruceDb db)
    {
        var filter = ListFilter.Parse(name => context.Request.Query[name].FirstOrDefault());
        if (filter.Failure is { } bad)
        {
            return bad.ToProblem();
        }
        var listed = await Observations.ListAsync(db, context.Viewer(), filter.Value!, context.RequestAborted);
        if (listed.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var page = listed.Value!;
        if (GeoJson.Wanted(context.Request))
        {
            return GeoJson.Result(new GeoJson.FeatureCollection(
                [.. page.Items.Select(o => GeoJson.At(o.Id.ToString(), o.Latitude, o.Longitude, ObservationJson.From(o)))],
                page.Total, page.PageNumber, page.PageSize));
        }
        return TypedResults.Ok(new PageJson<ObservationJson>([.. page.Items.Select(ObservationJson.From)], page.PageNumber, page.PageSize, page.Total, page.PageCount));
    }

    private static async Task<Results<Ok<ObservationJson>, ProblemHttpResult>> Get(Guid id, HttpContext context, TruceDb db)
    {
        var observation = await Observations.FindAsync(db, context.Viewer(), id, context.RequestAborted);
        return observation is null ? Problems.NotFound("The observation") : TypedResults.Ok(ObservationJson.From(observation));
    }

    private static async Task<Results<Created<EvidenceJson>, ProblemHttpResult>> AttachEvidence(
        Guid id, HttpRequest request, TruceDb db, Cli.TruceSettings settings)
    {
        var viewer = request.HttpContext.Viewer();
        if (!viewer.IsSignedIn)
        {
            return Problems.Denied(viewer, "");
        }
        if (!request.HasFormContentType)
        {
            return Failure.Field(FailureKind.Malformed, "file", "send the file as multipart/form-data in a field named 'file'.").ToProblem();
        }
        var tooLarge = Failure.Field(FailureKind.TooLarge, "file", $"is larger than the limit of {settings.EvidenceMaxBytes} bytes.");
        if (request.ContentLength > settings.EvidenceMaxBytes + (64 * 1024))
        {
            return tooLarge.ToProblem();
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            // A body sent without a Content-Length runs into the multipart limit while being read.
            return tooLarge.ToProblem();
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            return Failure.Field(FailureKind.Malformed, "file", $"the multipart body cannot be read: {e.Message}").ToProblem();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge.ToProblem();
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return Failure.Field(FailureKind.Invalid, "file", "is required: a multipart field named 'file'.").ToProblem();
        }
        await using var content = file.OpenReadStream();
        var attached = await Evidence.AttachAsync(db, viewer, id, file.FileName, file.ContentType, content, settings.EvidenceMaxBytes, request.HttpContext.RequestAborted);
        if (attached.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var json = EvidenceJson.From(attached.Value!);
        return TypedResults.Created(json.Url, json);
    }

    private static async Task<IResult> GetEvidence(Guid id, string sha256, HttpContext context, TruceDb db)
    {
        var file = await Evidence.FindAsync(db, context.Viewer(), id, sha256.ToLowerInvariant(), context.RequestAborted);
        return file is null
            ? Problems.NotFound("The evidence file")
            // Served as an attachment, never rendered inline, so an uploaded page cannot run as ours.
            : TypedResults.File(file.Content, "application/octet-stream", file.FileName);
    }
}
