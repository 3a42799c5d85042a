namespace Truce.Web;

/// <summary>A proposed group: its observations, how many independent sources they come from, and the candidates too coarse to cluster.</summary>
internal sealed record ClusterJson(IReadOnlyList<Guid> ObservationIds, int SourceCount, IReadOnlyList<Guid> CandidateIds, DateTimeOffset StartsAt);
