using Truce.Handovers;

namespace Truce.Web;

/// <summary>A handover with its gates as they stand now.</summary>
public sealed record HandoverJson(
    Guid Id, Guid PhaseId, string Name, string? Zone, IReadOnlyList<string> Sites, string From, string To, DateTimeOffset ScheduledAt,
    string State, IReadOnlyList<string> NextStates, double QuietRadiusKm, int QuietDays, IReadOnlyList<Guid> Commitments, bool Ready,
    IReadOnlyList<GateJson> Gates)
{
    public static HandoverJson Of(HandoverGates.Evaluated evaluated)
    {
        var h = evaluated.Handover;
        return new(h.Id, h.PhaseId, h.Name, h.ZoneId, h.Sites, h.FromPartyId, h.ToPartyId, h.ScheduledAt, Slug.Of(h.State),
            [.. h.State.Next().Select(s => Slug.Of(s))], h.QuietRadiusKm, h.QuietDays, h.Commitments, evaluated.AllPassed,
            [.. evaluated.Gates.Select(GateJson.From)]);
    }
}
