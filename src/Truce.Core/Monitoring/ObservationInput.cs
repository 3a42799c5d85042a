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

    public int? LocationPrecisionM { get; init; }

    public string? AreaName { get; init; }

    public double? ObserverLatitude { get; init; }

    public double? ObserverLongitude { get; init; }

    public double? BearingDeg { get; init; }

    public int? DistanceM { get; init; }

    [Required, Slugs(typeof(Truce.Monitoring.Category))]
    public string? Category { get; init; }

    public int? Count { get; init; }

    [Required, Slugs(typeof(Truce.Monitoring.Sensor))]
    public string? Sensor { get; init; }

    public int? CiviliansKilled { get; init; }

    public int? CiviliansInjured { get; init; }

    public int? CombatantsKilled { get; init; }

    public int? CombatantsInjured { get; init; }

    public string? AllegedParty { get; init; }

    public string? Weather { get; init; }

    public int? ViewRangeM { get; init; }

    public string? Narrative { get; init; }

    public string? Source { get; init; }

    public string? SourceExternalId { get; init; }

    [Slugs(typeof(Truce.Access.Visibility))]
    public string? Visibility { get; init; }
}
