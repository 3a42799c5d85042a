using Truce.Handovers;

namespace Truce.Web;

/// <summary>Every plan, phase and handover, the handovers' gates evaluated now from what the viewer may see.</summary>
public sealed record TimelineJson(IReadOnlyList<PlanJson> Plans, IReadOnlyList<PhaseJson> Phases, IReadOnlyList<HandoverJson> Handovers)
{
    public static TimelineJson From(HandoverTimeline t) =>
        new([.. t.Plans.Select(PlanJson.From)], [.. t.Phases.Select(PhaseJson.From)], [.. t.Handovers.Select(HandoverJson.Of)]);
}
