using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Truce.Web;

/// <summary>
/// The words of domain values and counted nouns, from the resources: an enum's label is keyed by its type and slug
/// ("Category.small_arms_fire"), so the slug stays the machine value and the label the viewer's word.
/// </summary>
internal static class Words
{
    public static string Label<TEnum>(this IStringLocalizer<PageText> text, TEnum value) where TEnum : struct, Enum =>
        text[Key(value)];

    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => $"{typeof(TEnum).Name}.{Slug.Of(value)}";

    /// <summary>The Admiralty scale's word for a source's reliability, A to F.</summary>
    public static string Reliability(this IStringLocalizer<PageText> text, char grade) => text[$"Reliability.{grade}"];

    /// <summary>The Admiralty scale's word for information's credibility, 1 to 6.</summary>
    public static string Credibility(this IStringLocalizer<PageText> text, int grade) =>
        text[string.Create(CultureInfo.InvariantCulture, $"Credibility.{grade}")];

    /// <summary>
    /// A counted phrase ("1 observation", "2 observations"): the resource holds the language's plural forms separated by
    /// '|' ({0} is the count, formatted in the viewer's culture), and the language's rule picks one.
    /// </summary>
    public static string Plural(this IStringLocalizer<PageText> text, string key, long count, params object[] more)
    {
        var forms = text[key].Value.Split('|');
        var form = forms[Math.Min(forms.Length - 1, Languages.PluralForm(Languages.Of(CultureInfo.CurrentUICulture), count))];
        return string.Format(CultureInfo.CurrentCulture, form, [count, .. more]);
    }
}
