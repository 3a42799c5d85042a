using Truce.Access;

namespace Truce.Handovers;

/// <summary>A phase of a plan: the window in which its handovers are scheduled.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class Phase
{
    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    /// <summary>1, 2, 3 …: the order of the phases in the plan.</summary>
    public int Number { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public string SubmissionHash { get; set; } = "";
}
