using Truce.Gazetteer;

namespace Truce.Bench.Gazetteer;

/// <summary>
/// A deterministic gazetteer of <c>names</c> names over a quarter as many places: each place has a Latin name and
/// Cyrillic, Armenian and Azerbaijani spellings of it, built from syllables, so keys share prefixes as real ones do.
/// </summary>
public sealed class SyntheticGazetteer
{
    private static readonly string[] Syllables =
    [
        "ka", "ra", "ban", "shu", "sha", "lach", "in", "dam", "ag", "ver", "khan", "ken", "di", "ste", "pa", "nak", "ert",
        "go", "ris", "ij", "e", "van", "ber", "dzor", "tov", "uz", "gaz", "akh", "nor", "gyu", "mri", "ar", "ma", "vir",
    ];

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['a'] = "а", ['b'] = "б", ['d'] = "д", ['e'] = "е", ['g'] = "г", ['h'] = "х", ['i'] = "и", ['j'] = "дж", ['k'] = "к",
        ['l'] = "л", ['m'] = "м", ['n'] = "н", ['o'] = "о", ['p'] = "п", ['r'] = "р", ['s'] = "с", ['t'] = "т", ['u'] = "у",
        ['v'] = "в", ['y'] = "ю", ['z'] = "з", ['c'] = "ч", ['x'] = "х",
    };

    private static readonly Dictionary<char, string> Armenian = new()
    {
        ['a'] = "ա", ['b'] = "բ", ['d'] = "դ", ['e'] = "ե", ['g'] = "գ", ['h'] = "հ", ['i'] = "ի", ['j'] = "ջ", ['k'] = "կ",
        ['l'] = "լ", ['m'] = "մ", ['n'] = "ն", ['o'] = "ո", ['p'] = "պ", ['r'] = "ր", ['s'] = "ս", ['t'] = "տ", ['u'] = "ու",
        ['v'] = "վ", ['y'] = "յ", ['z'] = "զ", ['c'] = "չ", ['x'] = "խ",
    };

    private SyntheticGazetteer(List<Place> places, List<PlaceName> names) => (Places, Names) = (places, names);

    public IReadOnlyList<Place> Places { get; }

    public IReadOnlyList<PlaceName> Names { get; }

    public static SyntheticGazetteer Generate(int names, int seed = 10)
    {
        var random = new Random(seed);
        var places = new List<Place>(names / 4 + 1);
        var all = new List<PlaceName>(names);
        for (var p = 0; all.Count < names; p++)
        {
            var latin = string.Concat(Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            latin = char.ToUpperInvariant(latin[0]) + latin[1..] + (random.Next(4) == 0 ? $" {random.Next(1, 40)}" : "");
            var place = Truce.Gazetteer.Places.At($"bench-{p}", latin, PlaceKind.PopulatedPlace, 38 + random.NextDouble() * 4, 44 + random.NextDouble() * 6, "AZ");
            places.Add(place);
            (string Language, string Name, NameKind Kind)[] spellings =
            [
                ("", latin, NameKind.Official), ("ru", Spell(latin, Cyrillic), NameKind.Official),
                ("hy", Spell(latin, Armenian), NameKind.Official), ("az", latin.Replace("sh", "ş", StringComparison.Ordinal).Replace("kh", "x", StringComparison.Ordinal), NameKind.Alternate),
            ];
            foreach (var (language, name, kind) in spellings.Take(names - all.Count))
            {
                all.Add(Truce.Gazetteer.Places.Name(Guid.NewGuid(), place.Id, name, language, kind));
            }
        }
        return new SyntheticGazetteer(places, all);
    }

    private static string Spell(string latin, Dictionary<char, string> letters) =>
        string.Concat(latin.ToLowerInvariant().Select(c => letters.TryGetValue(c, out var s) ? s : c.ToString()));
}
