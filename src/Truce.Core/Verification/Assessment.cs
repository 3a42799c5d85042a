using Truce.Access;

namespace Truce.Verification;

/// <summary>An analyst's judgement of an incident at one moment. Assessments are appended, never edited.</summary>
[ReadBy(ReadRule.WithOwner, Owner = typeof(Incident))]
public sealed class Assessment
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public Guid AnalystId { get; set; }

    public string AnalystName { get; set; } = "";

    public DateTimeOffset AssessedAt { get; set; }

    public IncidentStatus StatusBefore { get; set; }

    public IncidentStatus Status { get; set; }

    public char SourceReliability { get; set; }

    public int InformationCredibility { get; set; }

    public string? AttributedPartyId { get; set; }

    public Confidence? AttributionConfidence { get; set; }

    public string? ClauseBreached { get; set; }

    public string Rationale { get; set; } = "";

    /// <summary>The visibility this assessment gave the incident, when it changed it.</summary>
    public Visibility? Visibility { get; set; }

    public string SubmissionHash { get; set; } = "";

    /// <summary>This assessment as shown outside the mission: the analyst's name and id withheld, as the mission's judgement.</summary>
    public Assessment WithoutAnalyst() => new()
    {
        Id = Id, IncidentId = IncidentId, AnalystId = Guid.Empty, AnalystName = "the mission", AssessedAt = AssessedAt,
        StatusBefore = StatusBefore, Status = Status, SourceReliability = SourceReliability, InformationCredibility = InformationCredibility,
        AttributedPartyId = AttributedPartyId, AttributionConfidence = AttributionConfidence, ClauseBreached = ClauseBreached,
        Rationale = Rationale, Visibility = Visibility,
    };
}
