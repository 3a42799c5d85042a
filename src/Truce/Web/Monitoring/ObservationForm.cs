using System.Globalization;
using Truce.Monitoring;

namespace Truce.Web;

/// <summary>The field form's text, turned into the same submission the API takes.</summary>
internal static class ObservationForm
{
    public static readonly string[] Fields =
    [
        "id", "observedAt", "timePrecision", "latitude", "longitude", "locationPrecisionM", "areaName", "observerLatitude",
        "observerLongitude", "bearingDeg", "distanceM", "category", "count", "sensor", "civiliansKilled", "civiliansInjured",
        "combatantsKilled", "combatantsInjured", "allegedParty", "weather", "viewRangeM", "narrative", "source", "visibility",
    ];

    public static Dictionary<string, string> Values(IFormCollection form) =>
        Fields.ToDictionary(f => f, f => form[f].ToString(), StringComparer.Ordinal);

    public static Dictionary<string, string> Blank(DateTimeOffset now) => new(StringComparer.Ordinal)
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["observedAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        ["timePrecision"] = "exact",
        ["visibility"] = "internal",
    };

    public static (ObservationInput Input, FieldErrors Errors) Read(IReadOnlyDictionary<string, string> values)
    {
        var errors = new FieldErrors();
        string? Text(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        double? Number(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors.Add(name, $"'{Submission.Clip(text)}' is not a number.");
            return null;
        }
        int? Whole(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors.Add(name, $"'{Submission.Clip(text)}' is not a whole number.");
            return null;
        }
        Guid? id = Guid.TryParse(Text("id"), out var parsed) ? parsed : null;
        // datetime-local carries no zone; the form labels it UTC.
        var observedAt = Text("observedAt") is { } at && !at.EndsWith('Z') ? (at.Length == 16 ? at + ":00Z" : at + "Z") : Text("observedAt");
        var input = new ObservationInput
        {
            Id = id,
            ObservedAt = observedAt,
            TimePrecision = Text("timePrecision"),
            Latitude = Number("latitude"),
            Longitude = Number("longitude"),
            LocationPrecisionM = Whole("locationPrecisionM"),
            AreaName = Text("areaName"),
            ObserverLatitude = Number("observerLatitude"),
            ObserverLongitude = Number("observerLongitude"),
            BearingDeg = Number("bearingDeg"),
            DistanceM = Whole("distanceM"),
            Category = Text("category"),
            Count = Whole("count"),
            Sensor = Text("sensor"),
            CiviliansKilled = Whole("civiliansKilled"),
            CiviliansInjured = Whole("civiliansInjured"),
            CombatantsKilled = Whole("combatantsKilled"),
            CombatantsInjured = Whole("combatantsInjured"),
            AllegedParty = Text("allegedParty"),
            Weather = Text("weather"),
            ViewRangeM = Whole("viewRangeM"),
            Narrative = Text("narrative"),
            Source = Text("source"),
            Visibility = Text("visibility"),
        };
        return (input, errors);
    }
}
