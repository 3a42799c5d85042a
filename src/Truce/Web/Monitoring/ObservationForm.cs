using System.Globalization;
using Truce.Field;
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
        // Only the form's own fields: a value posted under any other name is not read.
        var input = ObservationAnswers.Read(name => Fields.Contains(name) ? values.GetValueOrDefault(name) : null, errors);
        // datetime-local carries no zone; the form labels it UTC.
        return (input with { ObservedAt = input.ObservedAt is { } at && !at.EndsWith('Z') ? (at.Length == 16 ? at + ":00Z" : at + "Z") : input.ObservedAt }, errors);
    }
}
