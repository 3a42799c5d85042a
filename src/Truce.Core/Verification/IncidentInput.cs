namespace Truce.Verification;

/// <summary>An analyst's grouping of observations into one incident.</summary>
public sealed record IncidentInput
{
    public Guid? Id { get; init; }

    public IReadOnlyList<Guid>? ObservationIds { get; init; }

    public string? Title { get; init; }

    public string? Category { get; init; }

    public string? Visibility { get; init; }
}

public sealed record AssessmentInput
{
    public Guid? Id { get; init; }

    public string? Status { get; init; }

    public string? SourceReliability { get; init; }

    public int? InformationCredibility { get; init; }

    public string? AttributedParty { get; init; }

    public string? AttributionConfidence { get; init; }

    public string? ClauseBreached { get; init; }

    public string? Rationale { get; init; }

    /// <summary>Optionally widen or narrow who may read the incident.</summary>
    public string? Visibility { get; init; }
}
