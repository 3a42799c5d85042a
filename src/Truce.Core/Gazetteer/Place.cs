using Truce.Access;

namespace Truce.Gazetteer;

/// <summary>
/// A named place of the gazetteer, with one stable id whatever it is called (its names are <see cref="PlaceName"/>
/// rows). Public reference data: everyone may read it.
/// </summary>
[ReadBy(ReadRule.Everyone)]
public sealed class Place
{
    /// <summary><c>geonames:ID</c> for a GeoNames place; otherwise a slug of country and name (<c>az-khankendi</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The name the source gives first (GeoNames' main name); the shown name depends on the viewer's language.</summary>
    public string Name { get; set; } = "";

    public PlaceKind Kind { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The geohash of the position (see Geo.Geohash), as on every located row.</summary>
    public string Cell { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2, upper case ("AM", "AZ"); empty when unknown.</summary>
    public string CountryCode { get; set; } = "";

    /// <summary>The first-level administrative division, as the source names or codes it.</summary>
    public string? Admin1 { get; set; }

    /// <summary>The second-level administrative division, as the source names or codes it.</summary>
    public string? Admin2 { get; set; }

    public long? GeoNamesId { get; set; }

    public long? Population { get; set; }
}
