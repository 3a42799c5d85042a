using System.Globalization;
using Truce.Access;

namespace Truce.Gazetteer;

/// <summary>One name of a <see cref="Place"/>: in a language and script, of a kind, with its search key.</summary>
[ReadBy(ReadRule.Everyone)]
public sealed class PlaceName
{
    public Guid Id { get; set; }

    public string PlaceId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>A BCP 47 tag ("hy", "az", "ru", "en"), or empty when the source does not say.</summary>
    public string Language { get; set; } = "";

    /// <summary>The ISO 15924 code of the script the name is written in (Latn, Cyrl, Armn ...), from its letters.</summary>
    public string Script { get; set; } = "";

    public NameKind Kind { get; set; }

    /// <summary><see cref="NameKey.Of"/> of <see cref="Name"/>: what searches match.</summary>
    public string Key { get; set; } = "";

    /// <summary>GeoNames' from/to: when the name was in use (free text as the source gives it, often a year).</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>
    /// The name a reader of <paramref name="culture"/> is shown: a current name in that language (official before
    /// local before alternate), else one in English, else the place's own <see cref="Place.Name"/>. Historic names are
    /// shown only in detail.
    /// </summary>
    public static string For(Place place, IEnumerable<PlaceName> names, CultureInfo culture)
    {
        var current = names.Where(n => n.PlaceId == place.Id && n.Kind != NameKind.Historic).ToList();
        return Best(current, culture.TwoLetterISOLanguageName) ?? Best(current, "en") ?? place.Name;
    }

    private static string? Best(List<PlaceName> names, string language) =>
        names.Where(n => Primary(n.Language) == language)
            .OrderBy(n => n.Kind)
            // Azerbaijani is written in Latin script today; a Cyrillic spelling is a fallback.
            .ThenBy(n => language == "az" && n.Script != "Latn" ? 1 : 0)
            .Select(n => n.Name)
            .FirstOrDefault();

    private static string Primary(string tag) => tag.Split('-', 2)[0].ToLowerInvariant();

    /// <summary>The ISO 15924 code of the script of a name's first letter that tells one (digits and marks do not).</summary>
    public static string ScriptOf(string name)
    {
        foreach (var c in name)
        {
            switch (c)
            {
                case >= '\u0530' and <= '\u058F':
                    return "Armn";
                case >= '\u0400' and <= '\u04FF':
                    return "Cyrl";
                case >= '\u10A0' and <= '\u10FF':
                    return "Geor";
                case >= '\u0600' and <= '\u06FF':
                    return "Arab";
                case >= '\u0370' and <= '\u03FF':
                    return "Grek";
                case >= '\u0590' and <= '\u05FF':
                    return "Hebr";
                case >= '\u4E00' and <= '\u9FFF':
                    return "Hani";
                default:
                    if (char.IsLetter(c) && c <= '\u024F')
                    {
                        return "Latn";
                    }
                    break;
            }
        }
        return "";
    }
}
