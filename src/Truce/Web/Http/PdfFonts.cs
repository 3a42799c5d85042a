using PdfSharp.Fonts;

namespace Truce.Web;

/// <summary>
/// The one font resolver of every PDF Truce writes (reports, handover certificates): DejaVu Sans, which covers Latin
/// (Azerbaijani's ə, ğ, ş included), Cyrillic and Armenian in one family, read from the system's font folders (Debian's
/// fonts-dejavu-core), since PDFsharp's core build finds no fonts by itself off Windows. PDFsharp keeps its resolver
/// process-wide and refuses a second one, so it is installed here once and every face resolves to DejaVu.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"];

    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new PdfFonts();
        return true;
    });

    /// <summary>Installs the resolver once per process; every PDF writer calls this before it draws.</summary>
    public static void Install() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) =>
        Folders.Select(folder => Path.Combine(folder, faceName + ".ttf")).FirstOrDefault(File.Exists) is { } file
            ? File.ReadAllBytes(file)
            : throw new FileNotFoundException($"The PDF needs the font {faceName}.ttf (package fonts-dejavu-core) in one of: {string.Join(", ", Folders)}.");
}
