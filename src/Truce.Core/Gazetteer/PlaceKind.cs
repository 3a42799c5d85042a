namespace Truce.Gazetteer;

/// <summary>What a place is, after GeoNames' feature classes (P, A and the rest).</summary>
public enum PlaceKind
{
    /// <summary>A city, town or village (GeoNames class P).</summary>
    PopulatedPlace,
    /// <summary>A country, region or district (GeoNames class A).</summary>
    AdministrativeArea,
    /// <summary>Anything else a gazetteer names: a hill, a river, a road, a spot.</summary>
    Other,
}
