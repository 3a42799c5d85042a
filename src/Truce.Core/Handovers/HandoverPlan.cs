using Truce.Access;

namespace Truce.Handovers;

/// <summary>The plan of the peacekeeping force's withdrawal: phases, each handing zones and sites to others.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class HandoverPlan
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string SubmissionHash { get; set; } = "";
}
