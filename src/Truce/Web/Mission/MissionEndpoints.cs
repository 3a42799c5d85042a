using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The mission's parties, zones, sites and base map, and the map page that draws them.</summary>
internal static class MissionEndpoints
{
    public static void MapMission(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Mission").Allow(AccessRule.Anyone);
        api.MapGet("/parties", async (TruceDb db, CancellationToken cancellationToken) =>
            TypedResults.Ok((await PartiesAsync(db, cancellationToken)).Select(p => new PartyJson(p.Id, p.Name, p.Kind))))
            .WithSummary("The parties of the mission: signatories, the peacekeeping force, the observers, authorities.");
        api.MapGet("/zones", Zones).WithSummary("The mission's zones as a GeoJSON FeatureCollection of polygons.");
        api.MapGet("/sites", Sites).WithSummary("The mission's sites (posts, checkpoints, bases) as GeoJSON points.");
        api.MapGet("/boundaries", async (TruceDb db, CancellationToken cancellationToken) =>
                Results.Text(await MissionProfile.BoundariesAsync(db, cancellationToken), GeoJson.MediaType))
            .WithSummary("The base layer of the map: the mission's boundaries as a GeoJSON FeatureCollection (empty when none were set).");

        app.MapGet("/map", (Chrome chrome, TruceSettings settings) => new MapPageModel(chrome, settings.TileUrl).Render())
            .ExcludeFromDescription().Allow(AccessRule.Anyone);
    }

    /// <summary>The parties in id order, as the forms' choices list them.</summary>
    public static Task<List<Party>> PartiesAsync(TruceDb db, CancellationToken cancellationToken) =>
        db.Parties.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);

    private static async Task<IResult> Zones(TruceDb db, CancellationToken cancellationToken)
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
    }

    private static async Task<IResult> Sites(TruceDb db, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return GeoJson.Result(new GeoJson.FeatureCollection(
            [.. sites.Select(s => GeoJson.At(s.Id, s.Latitude, s.Longitude, new { s.Name, Kind = Slug.Of(s.Kind), Zone = s.ZoneId, HeldBy = s.HeldByPartyId }))],
            sites.Count, 1, sites.Count));
    }
}
