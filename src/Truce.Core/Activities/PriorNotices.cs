using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Truce.Geo;
using Truce.Monitoring;

namespace Truce.Activities;

/// <summary>
/// The flags, computed when they are read from the activities notified so far (so a notification made after an
/// observation still covers it, and nothing stored needs rewriting when one arrives): inside a notified activity's
/// area and window is pre-notified; a military movement outside every one is not notified.
/// </summary>
public static class PriorNotices
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The flag of something seen at a place over a period, and the activity that covers it (if any).</summary>
    public static (PriorNotice Flag, NotifiedActivity? Activity) Of(
        double latitude, double longitude, DateTimeOffset from, DateTimeOffset to, Category category, IEnumerable<NotifiedActivity> activities)
    {
        var covering = activities.FirstOrDefault(a => a.StartsAt <= to && a.EndsAt >= from && Contains(a, latitude, longitude));
        if (covering is not null)
        {
            return (PriorNotice.PreNotified, covering);
        }
        return (category == Category.MilitaryMovement ? PriorNotice.NotNotified : PriorNotice.None, null);
    }

    /// <summary>
    /// An incident's flag from the flags of its observations the viewer sees: pre-notified when any lies in a notified
    /// activity, else not notified when any is an unnotified movement.
    /// </summary>
    public static PriorNotice OfIncident(IEnumerable<PriorNotice> observations)
    {
        var flags = observations.ToList();
        return flags.Contains(PriorNotice.PreNotified) ? PriorNotice.PreNotified
            : flags.Contains(PriorNotice.NotNotified) ? PriorNotice.NotNotified
            : PriorNotice.None;
    }

    /// <summary>Whether a point lies in an activity's area: within its radius, or inside (or on) its polygon.</summary>
    public static bool Contains(NotifiedActivity activity, double latitude, double longitude)
    {
        if (latitude < activity.MinLat || latitude > activity.MaxLat || longitude < activity.MinLon || longitude > activity.MaxLon)
        {
            return false;
        }
        if (activity.RadiusM is { } radius)
        {
            return GeoMath.DistanceM(activity.Latitude, activity.Longitude, latitude, longitude) <= radius;
        }
        var geometry = JsonSerializer.Deserialize<Geometry>(activity.AreaGeoJson!, GeoJsonOptions)!;
        return Area.Polygon(geometry).Contains(latitude, longitude);
    }
}
