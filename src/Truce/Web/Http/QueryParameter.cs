using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Web;

/// <summary>
/// A query parameter an API endpoint reads from the raw query (its handler parses it in Core, so ASP.NET Core cannot see
/// it): named here with its OpenAPI type, format and allowed values, and declared on the endpoint with
/// <see cref="OpenApiContract.Reads{TBuilder}"/>, so the document describes what the handler actually binds.
/// </summary>
internal sealed record QueryParameter(string Name, string Type, string? Format, IReadOnlyList<string>? Allowed, string Description)
{
    public static readonly QueryParameter From = new("from", "string", null, null,
        "The period's start: an ISO 8601 instant with its offset, or a plain date (yyyy-MM-dd), the start of that day in UTC.");

    public static readonly QueryParameter To = new("to", "string", null, null,
        "The period's end: an ISO 8601 instant with its offset, or a plain date (yyyy-MM-dd), the end of that day in UTC.");

    public static readonly QueryParameter Category = new("category", "string", null, Slugs<Truce.Monitoring.Category>(), "Only this category.");

    public static readonly QueryParameter Status = new("status", "string", null, Slugs<IncidentStatus>(), "Only this incident status.");

    public static readonly QueryParameter Party = new("party", "string", null, null, "Only what is attributed to this party (its id).");

    public static readonly QueryParameter Incident = new("incident", "string", "uuid", null, "Only the observations of this incident.");

    public static readonly QueryParameter Near = new("near", "string", null, null,
        "A centre: LAT,LON (WGS 84 degrees) or site:ID; with radius_km.");

    public static readonly QueryParameter RadiusKm = new("radius_km", "number", "double", null, "The radius around near, in kilometres.");

    public static readonly QueryParameter Bbox = new("bbox", "string", null, null,
        "A box as RFC 7946 gives one: west,south,east,north in WGS 84 degrees.");

    public static readonly QueryParameter Zone = new("zone", "string", null, null, "Only what lies inside this zone's polygon (its id).");

    public static readonly QueryParameter Page = new("page", "integer", "int32", null, "The page, from 1.");

    public static readonly QueryParameter PageSize = new("pageSize", "integer", "int32", null, "Records per page, from 1 to 500.");

    public static readonly QueryParameter GeoJsonFormat = new("format", "string", null, ["geojson"], "geojson answers a GeoJSON FeatureCollection.");

    public static readonly QueryParameter CsvFormat = new("format", "string", null, ["csv"], "csv answers CSV (as Accept: text/csv does).");

    public static readonly QueryParameter GroupBy = new("groupBy", "string", null, Slugs<MetricGrouping>(), "What the counts are grouped by (default: day).");

    public static readonly QueryParameter Statuses = new("status", "string", null, null,
        $"The statuses counted, comma-separated ({string.Join(", ", Slugs<IncidentStatus>())}), or any; default: verified,under_review.");

    public static readonly QueryParameter After = new("after", "integer", "int64", null, "Entries after this sequence number (0: from the start).");

    public static readonly QueryParameter Limit = new("limit", "integer", "int32", null, "At most this many entries, from 1 to 5000 (default 500).");

    public static readonly QueryParameter Text = new("q", "string", null, null, "The words searched for.");

    public static readonly QueryParameter Lang = new("lang", "string", null, null, "A BCP 47 language tag the names prefer (default: Accept-Language).");

    private static string[] Slugs<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => Slug.Of(v))];
}
