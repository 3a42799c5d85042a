using System.Text.Json;
using System.Text.Json.Nodes;
using Truce.Handovers;

namespace Truce.Web;

/// <summary>The map layer of the handover plan: each handover's area (zone, sites, route) as one feature with its state.</summary>
internal static class HandoverMap
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    public static string Write(HandoverTimeline timeline)
    {
        var features = new JsonArray();
        foreach (var evaluated in timeline.Handovers.Where(e => !e.Area.IsEmpty))
        {
            var h = evaluated.Handover;
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = h.Id.ToString(),
                ["geometry"] = JsonSerializer.SerializeToNode(evaluated.Area.Geometry, GeoJsonOptions),
                ["properties"] = new JsonObject
                {
                    ["name"] = h.Name, ["state"] = Slug.Of(h.State), ["ready"] = evaluated.AllPassed,
                    ["to"] = h.ToPartyId, ["scheduledAt"] = h.ScheduledAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                },
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(JsonSerializerOptions.Web);
    }
}
