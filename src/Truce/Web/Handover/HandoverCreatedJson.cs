using Truce.Handovers;

namespace Truce.Web;

/// <summary>A handover as recorded (its gates are read from <c>GET /api/handover/handovers/{id}</c>).</summary>
public sealed record HandoverCreatedJson(Guid Id, Guid PhaseId, string Name, string State, DateTimeOffset ScheduledAt)
{
    public static HandoverCreatedJson From(Handover h) => new(h.Id, h.PhaseId, h.Name, Slug.Of(h.State), h.ScheduledAt);
}
