using Truce.Handovers;

namespace Truce.Web;

/// <summary>What the page <see cref="HandoverTimelinePage"/> shows: the plan with its live gates, the sites' risk, the commitments.</summary>
public sealed record HandoverTimelineModel(Chrome Chrome, HandoverTimeline Timeline, IReadOnlyList<SiteRiskJson> Risks, string? TileUrl) : IPageModel<HandoverTimelinePage>;
