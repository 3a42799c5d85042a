using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Truce.Handovers;

namespace Truce.Web;

/// <summary>
/// The certificate as a PDF drawn with PDFsharp (no browser at run time): the signed text, line by line, wrapped to an
/// A4 page, in the fonts of every PDF (PdfFonts: DejaVu Sans, for Latin, Cyrillic and Armenian).
/// </summary>
internal static class CertificatePdf
{
    private const double Margin = 50;
    private const double FontSize = 9.5;

    /// <summary>The heading is in the reader's language; the signed text below it is what the parties sign, as it stands.</summary>
    public static byte[] Write(string heading, HandoverCertificate certificate, string signedText)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Handover certificate: {certificate.Handover.Name}";
        document.Info.Subject = $"content sha256 {certificate.Hash}";
        document.Info.Creator = "Truce";
        var title = new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold);
        var body = new XFont(PdfFonts.Family, FontSize);
        PdfPage page = null!;
        XGraphics gfx = null!;
        double y = 0;
        void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }
        NewPage();
        gfx.DrawString(heading, title, XBrushes.Black, new XPoint(Margin, y + 14));
        y += 28;
        var width = page.Width.Point - (2 * Margin);
        foreach (var line in signedText.TrimEnd('\n').Split('\n'))
        {
            foreach (var part in Wrap(gfx, line, body, width))
            {
                if (y + FontSize + 4 > page.Height.Point - Margin)
                {
                    NewPage();
                }
                gfx.DrawString(part, body, XBrushes.Black, new XPoint(Margin, y + FontSize));
                y += FontSize + 4;
            }
        }
        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>A line broken at spaces (or anywhere, for a word longer than the page, such as a signature) to fit the width.</summary>
    private static IEnumerable<string> Wrap(XGraphics gfx, string line, XFont font, double width)
    {
        var rest = line;
        // A continued line starts with two spaces of indent: a break is never made inside it, so each pass moves on.
        var keep = 1;
        while (gfx.MeasureString(rest, font).Width > width)
        {
            var cut = rest.Length;
            while (cut > keep + 1 && gfx.MeasureString(rest[..cut], font).Width > width)
            {
                cut--;
            }
            var space = rest.LastIndexOf(' ', cut - 1);
            var at = space > keep ? space : cut;
            yield return rest[..at];
            rest = "  " + rest[at..].TrimStart();
            keep = 3;
        }
        yield return rest;
    }
}
