namespace Truce.Web;

/// <summary>RFC 7946 output: points with longitude first, properties beside them.</summary>
internal static class GeoJson
{
    public const string MediaType = "application/geo+json";

    public sealed record Point(double[] Coordinates)
    {
        public string Type { get; } = "Point";
    }

    public sealed record Feature(string Id, Point Geometry, object Properties)
    {
        public string Type { get; } = "Feature";
    }

    public sealed record FeatureCollection(IReadOnlyList<Feature> Features, int Total, int Page, int PageSize)
    {
        public string Type { get; } = "FeatureCollection";

        /// <summary>True when more than <see cref="Total"/> features match and the list stopped counting there.</summary>
        public bool TotalIsLowerBound { get; init; }
    }

    public static Feature At(string id, double latitude, double longitude, object properties) =>
        new(id, new Point([longitude, latitude]), properties);

    /// <summary>Whether the client asked for GeoJSON rather than plain JSON.</summary>
    public static bool Wanted(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains(MediaType, StringComparison.OrdinalIgnoreCase) == true)
        || string.Equals(request.Query["format"], "geojson", StringComparison.OrdinalIgnoreCase);

    public static IResult Result(FeatureCollection collection) => TypedResults.Json(collection, contentType: MediaType);
}
