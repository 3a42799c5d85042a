using Truce.Verification;

namespace Truce.Web;

/// <summary>An analyst's assessment of an incident as the API shows it.</summary>
internal sealed record AssessmentJson(
    Guid Id,
    Guid IncidentId,
    string Analyst,
    DateTimeOffset AssessedAt,
    string StatusBefore,
    string Status,
    string SourceReliability,
    int InformationCredibility,
    string? AttributedParty,
    string? AttributionConfidence,
    string? ClauseBreached,
    string Rationale)
{
    public static AssessmentJson From(Assessment a) => new(
        a.Id, a.IncidentId, a.AnalystName, a.AssessedAt, Slug.Of(a.StatusBefore), Slug.Of(a.Status), a.SourceReliability.ToString(),
        a.InformationCredibility, a.AttributedPartyId, a.AttributionConfidence is { } c ? Slug.Of(c) : null, a.ClauseBreached, a.Rationale);
}
