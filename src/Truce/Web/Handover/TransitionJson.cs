using Truce.Handovers;

namespace Truce.Web;

/// <summary>A move of a handover; <c>overriddenGates</c> lists the gates that failed when it completed anyway.</summary>
public sealed record TransitionJson(Guid Id, Guid HandoverId, string From, string To, string? Reason, IReadOnlyList<string> OverriddenGates, string By, DateTimeOffset At)
{
    public static TransitionJson Of(HandoverTransition t) => new(t.Id, t.HandoverId, Slug.Of(t.From), Slug.Of(t.To), t.Reason,
        t.OverriddenGates.Split(' ', StringSplitOptions.RemoveEmptyEntries), t.By, t.At);
}
