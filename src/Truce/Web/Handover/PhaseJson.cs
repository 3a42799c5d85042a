using Truce.Handovers;

namespace Truce.Web;

public sealed record PhaseJson(Guid Id, Guid PlanId, int Number, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public static PhaseJson From(Phase p) => new(p.Id, p.PlanId, p.Number, p.Name, p.StartsAt, p.EndsAt);
}
