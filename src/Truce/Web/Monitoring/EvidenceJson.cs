using Truce.Monitoring;

namespace Truce.Web;

/// <summary>An evidence file as the API lists it; the address serves its bytes.</summary>
internal sealed record EvidenceJson(string Sha256, string FileName, long Length, string ContentType, string Url)
{
    public static EvidenceJson From(ObservationEvidence e) =>
        new(e.Sha256, e.FileName, e.Length, e.ContentType, $"/api/observations/{e.ObservationId}/evidence/{e.Sha256}");
}
