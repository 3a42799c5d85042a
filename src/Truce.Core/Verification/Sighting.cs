using Truce.Monitoring;

namespace Truce.Verification;

/// <summary>
/// What the corroboration rules read of an observation: when, where, what, and from whom: the declared
/// <paramref name="Source"/> and the <paramref name="Party"/> whose liaison submitted it (null: the mission or an import).
/// </summary>
public sealed record Sighting(
    Guid Id, DateTimeOffset From, DateTimeOffset To, TimePrecision TimePrecision,
    double Latitude, double Longitude, int LocationPrecisionM, Category Category, string Source, string? DatasetRow, string? Party = null)
{
    /// <summary>Who stands behind it, for counting independent sources (see <see cref="Corroborator.IndependentSource"/>).</summary>
    public string IndependentSource => Corroborator.IndependentSource(Source, Party);

    /// <summary>The dataset this is a row of (its source), when it is one: a row with the dataset's own id.</summary>
    public string? Dataset => DatasetRow is null ? null : Source;

    public static Sighting Of(Observation o) => new(
        o.Id, o.ObservedFrom, o.ObservedTo, o.TimePrecision, o.Latitude, o.Longitude, o.LocationPrecisionM, o.Category, o.Source, o.SourceExternalId, o.SubmittedByPartyId);
}
