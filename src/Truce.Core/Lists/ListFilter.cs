using System.Globalization;
using Truce.Geo;
using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Lists;

/// <summary>The filters of the observation and incident lists, from a query string or a form.</summary>
public sealed record ListFilter
{
    public Category? Category { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Party { get; init; }

    public IncidentStatus? Status { get; init; }

    /// <summary>Only the observations of one incident.</summary>
    public Guid? Incident { get; init; }

    /// <summary>The centre of a near query: a point, or the id of a site after <c>site:</c>.</summary>
    public Place? Near { get; init; }

    /// <summary>The radius of a near query, in kilometres.</summary>
    public double? RadiusKm { get; init; }

    /// <summary>A box as RFC 7946 gives one: west, south, east, north.</summary>
    public (double West, double South, double East, double North)? Bbox { get; init; }

    /// <summary>Only what lies inside this zone's polygon.</summary>
    public string? Zone { get; init; }

    public bool IsSpatial => Near is not null || Bbox is not null || Zone is not null;

    public Paging Paging { get; init; } = Paging.Default;

    /// <summary>Reads the filters from query parameters, naming each one that is not understood.</summary>
    public static Result<ListFilter> Parse(Func<string, string?> query)
    {
        var errors = new FieldErrors();
        var (from, to) = Submission.ParsePeriod(query("from"), query("to"), errors);
        var filter = new ListFilter
        {
            Category = Submission.Choice<Category>(query("category"), "category", errors),
            Status = Submission.Choice<IncidentStatus>(query("status"), "status", errors),
            From = from,
            To = to,
            Party = string.IsNullOrWhiteSpace(query("party")) ? null : query("party")!.Trim(),
            Paging = Paging.Parse(query("page"), query("pageSize"), errors),
        };
        if (query("incident") is { Length: > 0 } incident)
        {
            if (Guid.TryParse(incident, out var id))
            {
                filter = filter with { Incident = id };
            }
            else
            {
                errors.Add("incident", $"must be an incident id (a UUID).");
            }
        }
        filter = ParseSpatial(query, filter, errors);
        return errors.Any ? errors.ToFailure($"The list parameters are invalid.") with { Kind = FailureKind.Malformed } : filter;
    }

    private static ListFilter ParseSpatial(Func<string, string?> query, ListFilter filter, FieldErrors errors)
    {
        var near = query("near");
        var radius = query("radius_km");
        if (near is { Length: > 0 })
        {
            if (near.StartsWith("site:", StringComparison.Ordinal) && near.Length > 5)
            {
                filter = filter with { Near = new Place(null, null, near[5..].Trim()) };
            }
            else if (Numbers(near, 2) is [var lat, var lon] && GeoMath.IsLatitude(lat) && GeoMath.IsLongitude(lon))
            {
                filter = filter with { Near = new Place(lat, lon, null) };
            }
            else
            {
                errors.Add("near", $"must be LATITUDE,LONGITUDE in decimal degrees or site:ID.");
            }
            if (radius is not { Length: > 0 })
            {
                errors.Add("radius_km", $"is required with near.");
            }
        }
        if (radius is { Length: > 0 })
        {
            if (double.TryParse(radius, NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km is > 0 and <= 2000)
            {
                filter = filter with { RadiusKm = km };
            }
            else
            {
                errors.Add("radius_km", $"must be a distance in kilometres above 0 and at most 2000.");
            }
            if (near is not { Length: > 0 })
            {
                errors.Add("near", $"is required with radius_km.");
            }
        }
        if (query("bbox") is { Length: > 0 } bbox)
        {
            if (Numbers(bbox, 4) is [var west, var south, var east, var north]
                && GeoMath.IsLongitude(west) && GeoMath.IsLongitude(east) && GeoMath.IsLatitude(south) && GeoMath.IsLatitude(north) && south <= north)
            {
                filter = filter with { Bbox = (west, south, east, north) };
            }
            else
            {
                errors.Add("bbox", $"must be WEST,SOUTH,EAST,NORTH in decimal degrees, south not above north.");
            }
        }
        if (query("zone") is { Length: > 0 } zone)
        {
            filter = filter with { Zone = zone.Trim() };
        }
        return filter;
    }

    private static double[]? Numbers(string text, int count)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != count)
        {
            return null;
        }
        var numbers = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }
        return numbers;
    }
}
