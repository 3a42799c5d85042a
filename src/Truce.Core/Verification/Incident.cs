using Truce.Access;
using Truce.Lists;
using Truce.Monitoring;

namespace Truce.Verification;

/// <summary>One event, corroborated by one or more observations, and the mission's current judgement of it.</summary>
public sealed class Incident : IHasVisibility, IPlacedRecord
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public Category Category { get; set; }

    public IncidentStatus Status { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>
    /// The near queries' time key (<see cref="Lists.NearTime.KeyOf"/>), derived here from the interval so that it is
    /// stored and journaled with whatever interval the record has; the setter lets EF read the column back and ignores it.
    /// </summary>
    public int NearTimeKey { get => Lists.NearTime.KeyOf(StartsAt, EndsAt); private set => _ = value; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public int LocationPrecisionM { get; set; }

    public string Cell { get; set; } = "";

    public int ObservationCount { get; set; }

    /// <summary>Distinct sources among its observations: two reports by one patrol count once.</summary>
    public int SourceCount { get; set; }

    public Visibility Visibility { get; set; }

    /// <summary>The grade of the latest assessment, when there is one.</summary>
    public char? SourceReliability { get; set; }

    public int? InformationCredibility { get; set; }

    public string? AttributedPartyId { get; set; }

    public Confidence? AttributionConfidence { get; set; }

    public string? ClauseBreached { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string SubmissionHash { get; set; } = "";

    public List<Assessment> Assessments { get; set; } = [];

    /// <summary>A detached copy placed at the given position, with the given assessments (what a viewer is shown of it).</summary>
    public Incident Copy(double latitude, double longitude, int locationPrecisionM, List<Assessment> assessments) => new()
    {
        Id = Id, Title = Title, Category = Category, Status = Status, StartsAt = StartsAt, EndsAt = EndsAt,
        Latitude = latitude, Longitude = longitude, LocationPrecisionM = locationPrecisionM, Cell = Cell,
        ObservationCount = ObservationCount, SourceCount = SourceCount, Visibility = Visibility,
        SourceReliability = SourceReliability, InformationCredibility = InformationCredibility,
        AttributedPartyId = AttributedPartyId, AttributionConfidence = AttributionConfidence, ClauseBreached = ClauseBreached,
        CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, Assessments = assessments,
    };
}
