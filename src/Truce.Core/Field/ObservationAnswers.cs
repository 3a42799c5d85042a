using System.Globalization;
using Truce.Monitoring;

namespace Truce.Field;

/// <summary>
/// A report given as text answers by question name (the web form's fields, an OpenRosa instance's elements), read into
/// the <see cref="ObservationInput"/> the JSON API takes, under the same names. One reading for every text client: a
/// number is invariant (a decimal comma is taken as a point, as phones' keyboards type it) and finite, a whole number
/// an integer, and each one that is not is an error of its question. What a client says differently (its id, a
/// geopoint, a time without a zone) it sets on the result with <c>with</c>; everything else is for
/// <see cref="ObservationRules"/> to judge.
/// </summary>
public static class ObservationAnswers
{
    public static ObservationInput Read(Func<string, string?> answer, FieldErrors errors)
    {
        string? Text(string name) => answer(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        double? Number(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
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
        return new ObservationInput
        {
            Id = Guid.TryParse(Text("id"), out var id) ? id : null,
            ObservedAt = Text("observedAt"),
            ObservedFrom = Text("observedFrom"),
            ObservedTo = Text("observedTo"),
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
            SourceExternalId = Text("sourceExternalId"),
            Visibility = Text("visibility"),
        };
    }
}
