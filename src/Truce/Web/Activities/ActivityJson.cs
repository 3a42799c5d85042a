using System.Text.Json;
using Truce.Activities;

namespace Truce.Web;

/// <summary>A notified activity: its area as GeoJSON (or a point and radius), its window, whether it came late.</summary>
internal sealed record ActivityJson(
    Guid Id,
    string Party,
    string Kind,
    string? Description,
    JsonElement? Area,
    double Latitude,
    double Longitude,
    int? RadiusM,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset NotifiedAt,
    string NotifiedBy,
    bool LateNotice)
{
    public static ActivityJson From(NotifiedActivity a) => new(
        a.Id, a.PartyId, Slug.Of(a.Kind), a.Description, a.AreaGeoJson is null ? null : JsonDocument.Parse(a.AreaGeoJson).RootElement,
        a.Latitude, a.Longitude, a.RadiusM, a.StartsAt, a.EndsAt, a.NotifiedAt, a.NotifiedBy, a.LateNotice);
}
