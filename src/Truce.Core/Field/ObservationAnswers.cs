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
        var answers = new FormAnswers(answer, errors);
        string? Text(string name) => answers.Text(name);
        double? Number(string name) => answers.Number(name);
        int? Whole(string name) => answers.Whole(name);
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
