using System.Text;

namespace Truce.Web;

/// <summary>
/// The pseudo-locale's transformation: letters accented, the text lengthened by about a third (German and Russian run
/// that much longer than English) and wrapped in [ ]. Placeholders ({0}) and plural separators (|) are kept.
/// </summary>
internal static class Pseudo
{
    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "àƀçðēƒĝĥĭĵķĺɱńōƥʠŕšţũvŵ×ýžÀƁÇÐĒƑĜĤĬĴĶĹṀŃŌƤɊŔŠŢŨṼŴẊÝŽ";

    public static string Of(string text) => string.Join('|', text.Split('|').Select(Form));

    private static string Form(string text)
    {
        var result = new StringBuilder("[", text.Length * 2);
        var inPlaceholder = false;
        foreach (var c in text)
        {
            inPlaceholder = c == '{' || (inPlaceholder && c != '}');
            var i = Plain.IndexOf(c, StringComparison.Ordinal);
            result.Append(inPlaceholder || i < 0 ? c : Accented[i]);
        }
        return result.Append(' ').Append('~', Math.Max(2, text.Length / 3)).Append(']').ToString();
    }
}
