using System.Text.Json;
using Truce.MineAction;

namespace Truce.Web;

/// <summary>A hazardous area: its status in land release and its polygon (GeoJSON).</summary>
public sealed record HazardousAreaJson(Guid Id, string Name, string Status, JsonElement Area, DateTimeOffset UpdatedAt)
{
    public static HazardousAreaJson From(HazardousArea a)
    {
        using var document = JsonDocument.Parse(a.GeometryJson);
        return new(a.Id, a.Name, Slug.Of(a.Status), document.RootElement.Clone(), a.UpdatedAt);
    }
}
