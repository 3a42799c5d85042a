using Truce.Monitoring;

namespace Truce.Verification;

/// <summary>What the corroboration rules read of an observation: when, where, what, and from whom.</summary>
public sealed record Sighting(
    Guid Id, DateTimeOffset From, DateTimeOffset To, TimePrecision TimePrecision,
    double Latitude, double Longitude, int LocationPrecisionM, Category Category, string Source, string? DatasetRow)
{
    /// <summary>The dataset this is a row of (its source), when it is one: a row with the dataset's own id.</summary>
    public string? Dataset => DatasetRow is null ? null : Source;

    public static Sighting Of(Observation o) => new(
        o.Id, o.ObservedFrom, o.ObservedTo, o.TimePrecision, o.Latitude, o.Longitude, o.LocationPrecisionM, o.Category, o.Source, o.SourceExternalId);
}
