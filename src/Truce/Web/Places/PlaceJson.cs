using System.Globalization;
using Truce.Gazetteer;

namespace Truce.Web;

/// <summary>
/// A place as the API gives it: <see cref="Name"/> is the one the asked language prefers (<see cref="PlaceName.For"/>),
/// <see cref="Names"/> all of them.
/// </summary>
internal sealed record PlaceJson(string Id, string Name, PlaceKind Kind, double Latitude, double Longitude, string CountryCode,
    string? Admin1, string? Admin2, long? GeonamesId, IReadOnlyList<PlaceNameJson> Names)
{
    public static PlaceJson From(PlaceHit hit, CultureInfo culture) => new(hit.Place.Id, hit.NameFor(culture), hit.Place.Kind,
        hit.Place.Latitude, hit.Place.Longitude, hit.Place.CountryCode, hit.Place.Admin1, hit.Place.Admin2, hit.Place.GeoNamesId,
        [.. hit.Names.Select(PlaceNameJson.Of)]);
}
