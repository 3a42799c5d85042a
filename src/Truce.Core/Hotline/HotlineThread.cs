using Truce.Access;

namespace Truce.Hotline;

/// <summary>
/// A conversation between two parties through the mission. Read only by the mission's staff and the liaisons of its
/// two parties (<see cref="AccessPolicy.VisibleTo(IQueryable{HotlineThread}, Viewer)"/>), never by a third party or the public.
/// </summary>
[ReadBy(ReadRule.Restricted)]
public sealed class HotlineThread
{
    public Guid Id { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>The party that opened the thread.</summary>
    public string PartyId { get; set; } = "";

    /// <summary>The party it is addressed to.</summary>
    public string OtherPartyId { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public string StartedBy { get; set; } = "";

    public string SubmissionHash { get; set; } = "";

    public List<HotlineMessage> Messages { get; set; } = [];

    /// <summary>The other party of the thread, seen from <paramref name="party"/>.</summary>
    public string Counterpart(string party) => party == PartyId ? OtherPartyId : PartyId;
}
