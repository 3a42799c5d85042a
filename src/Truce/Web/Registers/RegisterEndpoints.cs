using System.Text;
using Truce.Access;
using Truce.Humanitarian;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// Writing the infrastructure and mine-action registers (assets, damage, projects, devices found, clearance tasks) and
/// each register as CSV or HXL-tagged CSV. The API, the forms and `truce import` call the same Core functions; anyone
/// reads (each record as the access policy shows it), the registers' writers write.
/// </summary>
internal static class RegisterEndpoints
{
    public static void MapRegisters(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/registers/{register}.csv", async (string register, HttpRequest request, HttpResponse response, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            {
                if (!Slug.TryParse<RegisterName>(register, out var chosen))
                {
                    await Failure.Field(FailureKind.NotFound, "register", $"'{Submission.Clip(register)}' is not a register: one of {Slug.Expected<RegisterName>()}.")
                        .ToProblem().ExecuteAsync(request.HttpContext);
                    return;
                }
                var hxl = request.Query["hxl"].FirstOrDefault() is "1" or "true";
                response.ContentType = "text/csv; charset=utf-8";
                await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
                await RegisterExport.WriteAsync(db, viewer, chosen, hxl, writer, cancellationToken);
            })
            .WithTags("Humanitarian").Allow(AccessRule.Anyone)
            .WithSummary("A register (displacement, services, hazardous_areas, assets, damage, projects) as CSV of what the viewer may read; hxl=1 adds the HXL hashtag row. `truce import register|hxl FILE --register NAME` reads it back.");

        app.MapGet("/api/hazardous-areas/map", async (TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Text(HazardMap(await HazardousAreas.ListAsync(db, cancellationToken)), "application/geo+json"))
            .WithTags("Humanitarian").Allow(AccessRule.Anyone)
            .WithSummary("The hazard layer: every hazardous area as a GeoJSON polygon with its name and land-release status.");

        var assets = app.MapGroup("/api/assets").WithTags("Humanitarian");
        assets.MapGet("/", async (Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await InfrastructureRegister.AssetsAsync(db, viewer, cancellationToken)).Select(AssetJson.From).ToList()))
            .Allow(AccessRule.Anyone).WithSummary("The infrastructure assets the viewer may read.");
        assets.MapPost("/", (JsonInput<InfrastructureAssetInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => InfrastructureRegister.AddAssetAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(_ => "/api/assets", AssetJson.From))
            .Allow(AccessRule.For(Operation.WriteRegisters))
            .WithSummary("Record an infrastructure asset (road, bridge, water, power, school, clinic...) at a place; position defaults to the place's. Idempotent by the client's id.");

        var damage = app.MapGroup("/api/damage-assessments").WithTags("Humanitarian");
        damage.MapGet("/", async (Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await InfrastructureRegister.DamageAsync(db, viewer, cancellationToken)).Select(DamageJson.From).ToList()))
            .Allow(AccessRule.Anyone).WithSummary("The damage assessments of the assets the viewer may read.");
        damage.MapPost("/", (JsonInput<DamageAssessmentInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => InfrastructureRegister.AssessDamageAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(_ => "/api/damage-assessments", DamageJson.From))
            .Allow(AccessRule.For(Operation.WriteRegisters))
            .WithSummary("Record an asset's damage (none, light, moderate, severe, destroyed) at a date; the latest counts for readiness.");

        var projects = app.MapGroup("/api/rehabilitation-projects").WithTags("Humanitarian");
        projects.MapGet("/", async (Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await InfrastructureRegister.ProjectsAsync(db, viewer, cancellationToken)).Select(ProjectJson.From).ToList()))
            .Allow(AccessRule.Anyone).WithSummary("The rehabilitation projects on the assets the viewer may read.");
        projects.MapPost("/", (JsonInput<RehabilitationProjectInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => InfrastructureRegister.AddProjectAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(_ => "/api/rehabilitation-projects", ProjectJson.From))
            .Allow(AccessRule.For(Operation.WriteRegisters))
            .WithSummary("Record a project repairing an asset: status, progress %, budget (whole US dollars), funder, dates.");

        app.MapPost("/api/hazardous-areas/{id:guid}/devices", (Guid id, JsonInput<DeviceFindInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => Clearance.RecordFindAsync(db, viewer, id, body, cancellationToken)).ToCreatedAsync(f => $"/api/hazardous-areas/{f.HazardousAreaId}", DeviceFindJson.From))
            .WithTags("Humanitarian").Allow(AccessRule.For(Operation.WriteRegisters))
            .WithSummary("Record devices of one type found in a hazardous area on a date.");
        app.MapPost("/api/hazardous-areas/{id:guid}/tasks", (Guid id, JsonInput<ClearanceTaskInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => Clearance.RecordTaskAsync(db, viewer, id, body, cancellationToken)).ToCreatedAsync(t => $"/api/hazardous-areas/{t.HazardousAreaId}", ClearanceTaskJson.From))
            .WithTags("Humanitarian").Allow(AccessRule.For(Operation.WriteRegisters))
            .WithSummary("Record a survey or clearance task on a hazardous area: the organisation and its dates.");

        app.MapRegisterPages();
    }

    /// <summary>A FeatureCollection of the areas, each polygon as stored (already RFC 7946, longitude first).</summary>
    private static string HazardMap(IEnumerable<HazardousArea> areas)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var area in areas)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", area.Id.ToString("D"));
                json.WritePropertyName("geometry");
                json.WriteRawValue(area.GeometryJson);
                json.WriteStartObject("properties");
                json.WriteString("name", area.Name);
                json.WriteString("status", Slug.Of(area.Status));
                json.WriteBoolean("released", area.IsReleased);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
