using Truce.Handovers;

namespace Truce.Web;

public sealed record SignOffJson(Guid Id, Guid HandoverId, string Party, string Name, string CertificateHash, DateTimeOffset At)
{
    public static SignOffJson From(SignOff s) => new(s.Id, s.HandoverId, s.PartyId, s.Name, s.CertificateHash, s.At);
}
