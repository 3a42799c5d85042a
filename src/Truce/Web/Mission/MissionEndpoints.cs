using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Demo;
using Truce.Storage;

namespace Truce.Web;

internal static class MissionEndpoints
{
    public static void MapMissionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (TruceDb db, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The store cannot be reached."))
            .Allow(AccessRule.Anyone).ExcludeFromDescription();

        var api = app.MapGroup("/api").WithTags("Mission").Allow(AccessRule.Anyone);
        api.MapGet("/parties", async (TruceDb db, CancellationToken cancellationToken) =>
            TypedResults.Ok(await db.Parties.AsNoTracking().OrderBy(p => p.Id)
                .Select(p => new PartyJson(p.Id, p.Name, p.Kind)).ToListAsync(cancellationToken)))
            .WithSummary("The parties of the mission: signatories, the peacekeeping force, the observers, authorities.");
        api.MapGet("/zones", async (TruceDb db, CancellationToken cancellationToken) =>
        {
            var zones = await db.Zones.AsNoTracking().OrderBy(z => z.Id).ToListAsync(cancellationToken);
            return Results.Json(new
            {
                type = "FeatureCollection",
                features = zones.Select(z => new
                {
                    type = "Feature",
                    id = z.Id,
                    geometry = JsonDocument.Parse(z.GeometryJson).RootElement,
                    properties = new { name = z.Name, kind = Slug.Of(z.Kind) },
                }),
            }, contentType: GeoJson.MediaType);
        }).WithSummary("The mission's zones as a GeoJSON FeatureCollection of polygons.");
        api.MapGet("/sites", async (TruceDb db, CancellationToken cancellationToken) =>
        {
            var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
            return GeoJson.Result(new GeoJson.FeatureCollection(
                [.. sites.Select(s => GeoJson.At(s.Id, s.Latitude, s.Longitude, new { s.Name, Kind = Slug.Of(s.Kind), Zone = s.ZoneId, HeldBy = s.HeldByPartyId }))],
                sites.Count, 1, sites.Count));
        }).WithSummary("The mission's sites (posts, checkpoints, bases) as GeoJSON points.");
        api.MapGet("/boundaries", () => Results.Text(DemoMission.Boundaries(), GeoJson.MediaType))
            .WithSummary("The base layer of the map: Natural Earth admin-0 boundaries (public domain).");
    }

    internal sealed record PartyJson(string Id, string Name, Truce.Mission.PartyKind Kind);
}
