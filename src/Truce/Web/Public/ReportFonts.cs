using PdfSharp.Fonts;

namespace Truce.Web;

/// <summary>
/// The fonts of the PDF: DejaVu Sans (Latin, Cyrillic and Armenian in one family), read from the system's font folders,
/// since PDFsharp's core build finds no fonts by itself off Windows. Every face asked for resolves to it.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"];

    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new ReportFonts();
        return true;
    });

    /// <summary>Installs the resolver once per process (PDFsharp keeps it globally).</summary>
    public static void Install() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) =>
        Folders.Select(folder => Path.Combine(folder, faceName + ".ttf")).FirstOrDefault(File.Exists) is { } file
            ? File.ReadAllBytes(file)
            : throw new FileNotFoundException($"The PDF needs the font {faceName}.ttf (package fonts-dejavu-core) in one of: {string.Join(", ", Folders)}.");
}
