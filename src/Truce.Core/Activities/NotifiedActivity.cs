using Truce.Access;

namespace Truce.Activities;

/// <summary>
/// An activity a party notified in advance: what, where (a polygon, or a point and radius), when. Read by the mission
/// and the parties' liaisons (the deconfliction operations), never by the public. Never edited once notified.
/// </summary>
[ReadBy(ReadRule.Restricted)]
public sealed class NotifiedActivity
{
    public Guid Id { get; set; }

    public string PartyId { get; set; } = "";

    public ActivityKind Kind { get; set; }

    public string? Description { get; set; }

    /// <summary>The area as a GeoJSON Polygon or MultiPolygon (RFC 7946, longitude first); null for a point and radius.</summary>
    public string? AreaGeoJson { get; set; }

    /// <summary>The centre of a point-and-radius area, or of the polygon's bounds.</summary>
    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The radius of a point-and-radius area, in metres; null for a polygon.</summary>
    public int? RadiusM { get; set; }

    /// <summary>The area's bounds in degrees: the store's cheap first test before the exact one in code.</summary>
    public double MinLat { get; set; }

    public double MinLon { get; set; }

    public double MaxLat { get; set; }

    public double MaxLon { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public DateTimeOffset NotifiedAt { get; set; }

    public string NotifiedBy { get; set; } = "";

    /// <summary>Notified less than its kind's lead time before it starts.</summary>
    public bool LateNotice { get; set; }

    public string SubmissionHash { get; set; } = "";
}
