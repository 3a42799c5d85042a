using Truce.Humanitarian;

namespace Truce.Web;

/// <summary>A locality's return readiness with every reason; <c>level</c> is not_ready, conditional or ready.</summary>
public sealed record ReadinessJson(string Place, string Name, double Latitude, double Longitude, string Level, int Score, IReadOnlyList<ReadinessReasonJson> Reasons)
{
    public static ReadinessJson From(ReadinessAssessment a) => new(a.PlaceId, a.PlaceName, a.Latitude, a.Longitude, Slug.Of(a.Level), a.Score,
        [.. a.Reasons.Select(r => new ReadinessReasonJson(Slug.Of(r.Weight), Slug.Of(r.Code), r.SubjectId, r.Subject, r.Detail))]);
}
