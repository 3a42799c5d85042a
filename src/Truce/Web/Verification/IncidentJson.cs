using Truce.Verification;

namespace Truce.Web;

internal sealed record IncidentJson(
    Guid Id,
    string Title,
    string Category,
    string Status,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    double Latitude,
    double Longitude,
    int LocationPrecisionM,
    int ObservationCount,
    int SourceCount,
    string Visibility,
    string? SourceReliability,
    int? InformationCredibility,
    string? AttributedParty,
    string? AttributionConfidence,
    string? ClauseBreached,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AssessmentJson>? Assessments,
    IReadOnlyList<Guid>? ObservationIds,
    string? PriorNotice = null)
{
    public static IncidentJson From(Incident i, IReadOnlyList<Guid>? observationIds = null) => new(
        i.Id, i.Title, Slug.Of(i.Category), Slug.Of(i.Status), i.StartsAt, i.EndsAt, i.Latitude, i.Longitude,
        i.LocationPrecisionM, i.ObservationCount, i.SourceCount, Slug.Of(i.Visibility), i.SourceReliability?.ToString(),
        i.InformationCredibility, i.AttributedPartyId, i.AttributionConfidence is { } c ? Slug.Of(c) : null, i.ClauseBreached,
        i.CreatedAt, i.UpdatedAt, observationIds is null ? null : [.. i.Assessments.Select(AssessmentJson.From)], observationIds);
}
