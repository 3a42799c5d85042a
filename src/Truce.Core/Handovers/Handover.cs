using Truce.Access;

namespace Truce.Handovers;

/// <summary>
/// A zone and/or sites handed from the peacekeeping force to a named local authority or the international observers on a
/// scheduled date, once its readiness gates hold (see <see cref="GateRules"/>).
/// </summary>
[ReadBy(ReadRule.Everyone)]
public sealed class Handover
{
    public Guid Id { get; set; }

    public Guid PhaseId { get; set; }

    public string Name { get; set; } = "";

    public string? ZoneId { get; set; }

    /// <summary>The sites handed over, as their codes separated by spaces, sorted (one stored form).</summary>
    public string SiteIds { get; set; } = "";

    /// <summary>Who hands over: the peacekeeping force.</summary>
    public string FromPartyId { get; set; } = "";

    /// <summary>Who takes over: a local authority or the international observers.</summary>
    public string ToPartyId { get; set; } = "";

    public DateTimeOffset ScheduledAt { get; set; }

    public HandoverState State { get; set; }

    /// <summary>The access route as an RFC 7946 LineString; hazardous areas crossing it block the handover too.</summary>
    public string? RouteJson { get; set; }

    /// <summary>Gate "quiet": no verified violation within this many kilometres …</summary>
    public double QuietRadiusKm { get; set; }

    /// <summary>… for this many days before now.</summary>
    public int QuietDays { get; set; }

    /// <summary>Gate "commitments": the ids of the commitments that must be met, separated by spaces, sorted.</summary>
    public string CommitmentIds { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string SubmissionHash { get; set; } = "";

    public IReadOnlyList<string> Sites => Codes(SiteIds);

    public IReadOnlyList<Guid> Commitments => [.. Codes(CommitmentIds).Select(Guid.Parse)];

    /// <summary>The parties whose representatives sign the certificate: who hands over, who takes over, and the observers.</summary>
    public IReadOnlyList<string> Signatories(string? observersPartyId) =>
        [.. new[] { FromPartyId, ToPartyId, observersPartyId }.OfType<string>().Distinct(StringComparer.Ordinal)];

    public static string Join(IEnumerable<string> codes) => string.Join(' ', codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string[] Codes(string joined) => joined.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
