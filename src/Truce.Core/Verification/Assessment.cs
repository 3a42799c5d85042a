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
}
