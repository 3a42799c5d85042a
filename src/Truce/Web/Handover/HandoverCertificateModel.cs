using Truce.Handovers;

namespace Truce.Web;

/// <summary>What the printable page <see cref="HandoverCertificatePage"/> shows: the signed text, as the PDF and the .txt hold it.</summary>
public sealed record HandoverCertificateModel(Chrome Chrome, HandoverCertificate Certificate, string SignedText) : IPageModel<HandoverCertificatePage>;
