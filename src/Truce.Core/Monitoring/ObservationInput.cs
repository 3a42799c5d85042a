using System.ComponentModel.DataAnnotations;

namespace Truce.Monitoring;

/// <summary>
/// A submission as the client sent it, before any rule is applied. Enums and instants are text so that
/// a bad value is reported against its field rather than failing the whole body.
/// </summary>
public sealed record ObservationInput
{
    [Required]
    public Guid? Id { get; init; }

    /// <summary>An instant, ISO 8601 with an offset; or give <see cref="ObservedFrom"/> and <see cref="ObservedTo"/>.</summary>
    public string? ObservedAt { get; init; }

    public string? ObservedFrom { get; init; }

    public string? ObservedTo { get; init; }

    [Slugs(typeof(Truce.Monitoring.TimePrecision))]
    public string? TimePrecision { get; init; }

    [Range(-90.0, 90.0)]
    public double? Latitude { get; init; }

    [Range(-180.0, 180.0)]
    public double? Longitude { get; init; }

    [Range(0, ObservationLimits.MaxPrecisionM)]
    public int? LocationPrecisionM { get; init; }

    [StringLength(ObservationLimits.MaxShortText)]
    public string? AreaName { get; init; }

    [Range(-90.0, 90.0)]
    public double? ObserverLatitude { get; init; }

    [Range(-180.0, 180.0)]
    public double? ObserverLongitude { get; init; }

    [Range(0.0, 360.0, MaximumIsExclusive = true)]
    public double? BearingDeg { get; init; }

    [Range(1, ObservationLimits.MaxCount)]
    public int? DistanceM { get; init; }

    [Required, Slugs(typeof(Truce.Monitoring.Category))]
    public string? Category { get; init; }

    [Range(1, ObservationLimits.MaxCount)]
    public int? Count { get; init; }

    [Required, Slugs(typeof(Truce.Monitoring.Sensor))]
    public string? Sensor { get; init; }

    [Range(0, ObservationLimits.MaxCount)]
    public int? CiviliansKilled { get; init; }

    [Range(0, ObservationLimits.MaxCount)]
    public int? CiviliansInjured { get; init; }

    [Range(0, ObservationLimits.MaxCount)]
    public int? CombatantsKilled { get; init; }

    [Range(0, ObservationLimits.MaxCount)]
    public int? CombatantsInjured { get; init; }

    [StringLength(ObservationLimits.MaxPartyId)]
    public string? AllegedParty { get; init; }

    [StringLength(ObservationLimits.MaxShortText)]
    public string? Weather { get; init; }

    [Range(0, ObservationLimits.MaxCount)]
    public int? ViewRangeM { get; init; }

    [StringLength(ObservationLimits.MaxNarrative)]
    public string? Narrative { get; init; }

    [StringLength(ObservationLimits.MaxShortText)]
    public string? Source { get; init; }

    [StringLength(ObservationLimits.MaxShortText)]
    public string? SourceExternalId { get; init; }

    [Slugs(typeof(Truce.Access.Visibility))]
    public string? Visibility { get; init; }

    /// <summary>
    /// The device's clock as it sends this (ISO 8601 with its offset), recorded beside the server's receipt. Each attempt
    /// sends its own, so it is not part of what a retry must repeat (and is left out of the hash when absent, as before).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? DeviceTime { get; init; }
}
