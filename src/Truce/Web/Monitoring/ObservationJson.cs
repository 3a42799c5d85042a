using Truce.Monitoring;

namespace Truce.Web;

/// <summary>An observation as the API shows it.</summary>
internal sealed record ObservationJson(
    Guid Id,
    DateTimeOffset ObservedFrom,
    DateTimeOffset ObservedTo,
    string TimePrecision,
    double Latitude,
    double Longitude,
    int LocationPrecisionM,
    string? AreaName,
    double? ObserverLatitude,
    double? ObserverLongitude,
    double? BearingDeg,
    int? DistanceM,
    string Category,
    int Count,
    string Sensor,
    int CiviliansKilled,
    int CiviliansInjured,
    int CombatantsKilled,
    int CombatantsInjured,
    string? AllegedParty,
    string? Weather,
    int? ViewRangeM,
    string Narrative,
    string Source,
    string? SourceExternalId,
    string? SubmittedByParty,
    string Visibility,
    Guid? IncidentId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<EvidenceJson> Evidence)
{
    public static ObservationJson From(Observation o) => new(
        o.Id, o.ObservedFrom, o.ObservedTo, Slug.Of(o.TimePrecision), o.Latitude, o.Longitude, o.LocationPrecisionM,
        o.AreaName, o.ObserverLatitude, o.ObserverLongitude, o.BearingDeg, o.DistanceM, Slug.Of(o.Category), o.Count,
        Slug.Of(o.Sensor), o.CiviliansKilled, o.CiviliansInjured, o.CombatantsKilled, o.CombatantsInjured, o.AllegedPartyId,
        o.Weather, o.ViewRangeM, o.Narrative, o.Source, o.SourceExternalId, o.SubmittedByPartyId, Slug.Of(o.Visibility),
        o.IncidentId, o.ReceivedAt, [.. o.Evidence.Select(e => EvidenceJson.From(e))]);
}
