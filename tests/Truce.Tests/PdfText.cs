using System.Diagnostics;

namespace Truce.Tests;

/// <summary>
/// The text a PDF shows, as poppler's pdftotext extracts it: an independent reader, so a glyph the font lacks or a string
/// drawn without its ToUnicode map shows up as missing text, which the PDF library's own reader would not notice.
/// </summary>
internal static class PdfText
{
    private const string Tool = "/usr/bin/pdftotext";

    public static async Task<string> OfAsync(byte[] pdf)
    {
        if (!File.Exists(Tool))
        {
            Assert.SkipWhen(!TestEnvironment.InCi, "poppler-utils is not installed (apt-get install poppler-utils).");
            Assert.Fail("CI must install poppler-utils (see .ci/run).");
        }
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            using var process = Process.Start(new ProcessStartInfo(Tool, ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
