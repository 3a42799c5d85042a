using Truce.Access;

namespace Truce.Handovers;

/// <summary>A party's representative signing a handover's certificate: the certificate's hash as it was when signed.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class SignOff
{
    public Guid Id { get; set; }

    public Guid HandoverId { get; set; }

    public string PartyId { get; set; } = "";

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>SHA-256 (hex) of the certificate's content the representative saw.</summary>
    public string CertificateHash { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
