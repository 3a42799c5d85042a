using System.Globalization;

namespace Truce.Web;

/// <summary>The languages Truce is read in, and the plural rule of each (CLDR's rules for integers).</summary>
internal static class Languages
{
    /// <summary>The pseudo-locale: English wrapped and lengthened, so a test can see every string came through the localiser.</summary>
    public const string Pseudo = "qps-ploc";

    public const string Default = "en";

    /// <summary>English, Russian, Armenian (Eastern, Armenian script) and Azerbaijani (Latin script, ICU's "az").</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "ru", "hy", "az"];

    /// <summary>Each language's name in itself, as the switcher offers it.</summary>
    public static string NativeName(string language) => language switch
    {
        "ru" => "Русский",
        "hy" => "Հայերեն",
        "az" => "Azərbaycanca",
        Pseudo => "[Ƥšēũðō]",
        _ => "English",
    };

    public static IReadOnlyList<string> Offered(bool pseudo) => pseudo ? [.. Supported, Pseudo] : Supported;

    public static IReadOnlyList<CultureInfo> Cultures(bool pseudo) => [.. Offered(pseudo).Select(CultureInfo.GetCultureInfo)];

    /// <summary>How many plural forms a resource of this language gives, separated by '|' (Russian: one|few|many).</summary>
    public static int PluralForms(string language) => language == "ru" ? 3 : 2;

    /// <summary>
    /// Which of a language's plural forms a whole number takes. English and Azerbaijani: one for 1, other otherwise;
    /// Armenian: one for 0 and 1; Russian: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25…).
    /// </summary>
    public static int PluralForm(string language, long count)
    {
        var n = Math.Abs(count);
        return language switch
        {
            "ru" when n % 10 == 1 && n % 100 != 11 => 0,
            "ru" when n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 => 1,
            "ru" => 2,
            "hy" => n is 0 or 1 ? 0 : 1,
            _ => n == 1 ? 0 : 1,
        };
    }

    /// <summary>The supported language a culture belongs to ("ru-RU" reads Russian; "az-Latn-AZ" Azerbaijani).</summary>
    public static string Of(CultureInfo culture) =>
        string.Equals(culture.Name, Pseudo, StringComparison.OrdinalIgnoreCase) ? Pseudo
        : Supported.Contains(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName
        : Default;
}
