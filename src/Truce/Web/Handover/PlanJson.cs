using Truce.Handovers;

namespace Truce.Web;

public sealed record PlanJson(Guid Id, string Name, DateTimeOffset CreatedAt)
{
    public static PlanJson From(HandoverPlan p) => new(p.Id, p.Name, p.CreatedAt);
}
