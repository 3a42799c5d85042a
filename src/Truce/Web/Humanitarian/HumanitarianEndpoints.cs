using Truce.Access;
using Truce.Humanitarian;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The humanitarian registers and return readiness: the API and the readiness page call the same Core functions.
/// Anyone may read (each record as the access policy shows it to the viewer); the registers' writers write.
/// </summary>
internal static class HumanitarianEndpoints
{
    public static void MapHumanitarian(this IEndpointRouteBuilder app)
    {
        var readiness = app.MapGroup("/api/readiness").WithTags("Humanitarian").Allow(AccessRule.Anyone);
        readiness.MapGet("/", async (Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await Readiness.AssessAsync(db, viewer, cancellationToken)).Select(ReadinessJson.From).ToList()))
            .WithSummary("Return readiness of every locality a register speaks of, worst first, with its reasons (docs/humanitarian.md), from what the viewer may see.");
        readiness.MapGet("/map", async (Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            {
                var assessed = await Readiness.AssessAsync(db, viewer, cancellationToken);
                return GeoJson.Result(new GeoJson.FeatureCollection(
                    [.. assessed.Select(a => GeoJson.At(a.PlaceId, a.Latitude, a.Longitude, ReadinessJson.From(a)))], assessed.Count, 1, Math.Max(1, assessed.Count)));
            })
            .WithSummary("The readiness layer: each locality as a GeoJSON point with its level, score and reasons.");

        var services = app.MapGroup("/api/services").WithTags("Humanitarian");
        services.MapGet("/", async (Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await ServiceReports.ListAsync(db, viewer, cancellationToken)).Select(ServiceReportJson.From).ToList()))
            .Allow(AccessRule.Anyone).WithSummary("The basic-services register as the viewer may read it: the mission and humanitarian partners every report, liaisons the shared ones, the public the published ones.");
        services.MapPost("/", (JsonInput<ServiceReportInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => ServiceReports.RecordAsync(db, viewer, body, cancellationToken))
                    .ToCreatedAsync(_ => "/api/services", ServiceReportJson.From))
            .Allow(AccessRule.For(Operation.WriteRegisters))
            .WithSummary("Report a basic service's state (water, electricity, gas, health, education, telecom: available, partial, unavailable) at a place and date. Idempotent by the client's id.");

        app.MapPost("/api/hazardous-areas/{id:guid}/release", (Guid id, JsonInput<LandReleaseInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => LandRelease.RecordAsync(db, viewer, id, body, cancellationToken)).ToOkAsync(LandReleaseJson.From))
            .WithTags("Humanitarian").Allow(AccessRule.For(Operation.WriteRegisters))
            .WithSummary("Record land released from a hazardous area (cancelled, reduced or cleared, in m²); complete=true releases the whole area.");

        app.MapGet("/readiness", async (HttpRequest request, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
            {
                var sort = request.Query["sort"].FirstOrDefault() == "name" ? "name" : "score";
                var assessed = await Readiness.AssessAsync(db, chrome.Viewer, cancellationToken);
                var ordered = sort == "name" ? [.. assessed.OrderBy(a => a.PlaceName, StringComparer.CurrentCulture)] : assessed;
                return new ReadinessModel(chrome, ordered, sort, null).Render();
            })
            .ExcludeFromDescription().Allow(AccessRule.Anyone);
    }
}
