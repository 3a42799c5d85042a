using System.Text;

namespace Truce.Gazetteer;

/// <summary>
/// The one normalisation of place names, applied to every stored name and to every query, so that a search is a
/// prefix match on equal keys: "Laçın", "Lachin", "Lacin" and "Лачин" all give <c>lacin</c>. The steps, in order
/// (docs/gazetteer.md has the table):
/// <list type="number">
/// <item>fold case (invariant culture);</item>
/// <item>transliterate Cyrillic (Russian and Azerbaijani Cyrillic) and Armenian letters to Latin ones, and the Azerbaijani
/// and Turkish letters that have no decomposition (ə → a, ı → i);</item>
/// <item>strip diacritics: decompose (NFD) and drop the combining marks (ç → c, ş → s, ğ → g, ö → o);</item>
/// <item>keep only a–z and 0–9 (spaces, hyphens and apostrophes go, so "Nor Gyugh" and "Norgyugh" meet);</item>
/// <item>collapse the variants that transliterations spell differently, longest first, left to right:
/// dzh → c, kh → x, sh → s, ch → c, zh → z, gh → g, j → c, q → g, y → i, e → a (Azerbaijani ə is written e or a:
/// Xankəndi, Khankendi, Ganja).</item>
/// </list>
/// A key holds only a–z and 0–9, so its order is the same under a binary collation and under any language's
/// collation: a prefix is a range of keys on either engine's ordinary b-tree index.
/// </summary>
public static class NameKey
{
    /// <summary>The longest a key is kept; a name longer than this is searched by its first characters.</summary>
    public const int MaxLength = 200;

    private static readonly Dictionary<char, string> Letters = new()
    {
        // Russian Cyrillic (a simple, common romanisation; the variants below absorb the differences between systems).
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya",
        // Azerbaijani Cyrillic (used before 1991) and Ukrainian/Belarusian letters met in place names.
        ['ә'] = "a", ['ғ'] = "gh", ['ҹ'] = "j", ['һ'] = "h", ['ј'] = "y", ['ҝ'] = "g", ['ө'] = "o", ['ү'] = "u",
        ['і'] = "i", ['ї'] = "i", ['є'] = "e", ['ў'] = "u",
        // Armenian (BGN/PCGN-like; ու is handled as a pair in Fold).
        ['ա'] = "a", ['բ'] = "b", ['գ'] = "g", ['դ'] = "d", ['ե'] = "e", ['զ'] = "z", ['է'] = "e", ['ը'] = "y",
        ['թ'] = "t", ['ժ'] = "zh", ['ի'] = "i", ['լ'] = "l", ['խ'] = "kh", ['ծ'] = "ts", ['կ'] = "k", ['հ'] = "h",
        ['ձ'] = "dz", ['ղ'] = "gh", ['ճ'] = "ch", ['մ'] = "m", ['յ'] = "y", ['ն'] = "n", ['շ'] = "sh", ['ո'] = "o",
        ['չ'] = "ch", ['պ'] = "p", ['ջ'] = "j", ['ռ'] = "r", ['ս'] = "s", ['վ'] = "v", ['տ'] = "t", ['ր'] = "r",
        ['ց'] = "ts", ['ւ'] = "v", ['փ'] = "p", ['ք'] = "k", ['օ'] = "o", ['ֆ'] = "f", ['և'] = "ev",
        // Latin letters without a decomposition.
        ['ə'] = "a", ['ı'] = "i", ['ß'] = "ss", ['æ'] = "ae", ['ø'] = "o", ['œ'] = "oe", ['ł'] = "l", ['đ'] = "d",
    };

    /// <summary>Spellings of one sound that romanisations disagree on, each collapsed to one letter (longest first).</summary>
    private static readonly (string From, char To)[] Variants =
    [
        ("dzh", 'c'), ("kh", 'x'), ("sh", 's'), ("ch", 'c'), ("zh", 'z'), ("gh", 'g'), ("j", 'c'), ("q", 'g'), ("y", 'i'), ("e", 'a'),
    ];

    /// <summary>The search key of a name or a query; empty when it has no letter or digit.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var latin = new StringBuilder(text.Length + 8);
        var lower = text.ToLowerInvariant();
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            // Armenian ու is one vowel, u.
            if (c == 'ո' && i + 1 < lower.Length && lower[i + 1] == 'ւ')
            {
                latin.Append('u');
                i++;
            }
            else if (Letters.TryGetValue(c, out var spelled))
            {
                latin.Append(spelled);
            }
            else
            {
                latin.Append(c);
            }
        }
        var plain = new StringBuilder(latin.Length);
        foreach (var c in latin.ToString().Normalize(NormalizationForm.FormD))
        {
            // Everything else (combining marks, spaces, punctuation, letters of scripts without a table) is dropped.
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                plain.Append(c);
            }
        }
        var key = new StringBuilder(plain.Length);
        for (var i = 0; i < plain.Length;)
        {
            var matched = false;
            foreach (var (from, to) in Variants)
            {
                if (i + from.Length <= plain.Length && Matches(plain, i, from))
                {
                    key.Append(to);
                    i += from.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                key.Append(plain[i]);
                i++;
            }
        }
        return key.Length <= MaxLength ? key.ToString() : key.ToString(0, MaxLength);
    }

    /// <summary>
    /// The least key after every key that starts with <paramref name="prefix"/>, within the key alphabet (a–z, 0–9);
    /// null when there is none (a prefix of only z's). Keys of the prefix lie in [prefix, this).
    /// </summary>
    public static string? After(string prefix)
    {
        var end = prefix.Length - 1;
        while (end >= 0 && prefix[end] == 'z')
        {
            end--;
        }
        if (end < 0)
        {
            return null;
        }
        var next = prefix[end] == '9' ? 'a' : (char)(prefix[end] + 1);
        return string.Concat(prefix.AsSpan(0, end), new ReadOnlySpan<char>(in next));
    }

    private static bool Matches(StringBuilder text, int at, string what)
    {
        for (var j = 0; j < what.Length; j++)
        {
            if (text[at + j] != what[j])
            {
                return false;
            }
        }
        return true;
    }
}
