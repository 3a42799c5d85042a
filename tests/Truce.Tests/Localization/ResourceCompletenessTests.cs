using System.Text.RegularExpressions;
using System.Xml.Linq;
using Truce.Access;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Verification;
using Truce.Web;

namespace Truce.Tests.Localization;

/// <summary>Every language file says everything the neutral (English) file says, and nothing else: the resx files as a translator leaves them.</summary>
public sealed partial class ResourceCompletenessTests
{
    private static Dictionary<string, string> Read(string language) => Read("PageText", language);

    /// <summary>A resource set (PageText: the pages' words; MessageText: Core's failure messages) in one language.</summary>
    private static Dictionary<string, string> Read(string set, string language)
    {
        var file = TestEnvironment.RepositoryFile("src", "Truce", "Resources", "Web", language == "en" ? $"{set}.resx" : $"{set}.{language}.resx");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    public static TheoryData<string, string> Translations => new(
        from set in new[] { "PageText", "MessageText" }
        from language in Languages.Supported
        select (set, language));

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_language_has_every_key_of_the_neutral_file_and_no_other(string set, string language)
    {
        var neutral = Read(set, "en");
        var translated = Read(set, language);

        Assert.Empty(neutral.Keys.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(neutral.Keys).Order());
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void No_text_is_empty_and_each_keeps_the_placeholders_and_plural_forms_of_its_language(string set, string language)
    {
        var neutral = Read(set, "en");
        foreach (var (key, value) in Read(set, language))
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"{language}: {key} is empty");
            Assert.Equal(Placeholders(neutral[key]), Placeholders(value));
            if (neutral[key].Contains('|', StringComparison.Ordinal))
            {
                var forms = value.Split('|');
                Assert.True(forms.Length == Languages.PluralForms(language), $"{language}: {key} has {forms.Length} plural forms");
                Assert.All(forms, f => Assert.False(string.IsNullOrWhiteSpace(f), $"{language}: {key} has an empty plural form"));
            }
        }
    }

    [Fact]
    public void Every_value_of_every_enum_a_page_shows_has_a_label()
    {
        var neutral = Read("en");
        string[] keys =
        [
            .. Keys<Category>(), .. Keys<IncidentStatus>(), .. Keys<Sensor>(), .. Keys<TimePrecision>(), .. Keys<Visibility>(),
            .. Keys<Confidence>(), .. Keys<Role>(), .. Keys<MetricGrouping>(), .. Keys<PartyKind>(),
            .. "ABCDEF".Select(g => $"Reliability.{g}"), .. Enumerable.Range(1, 6).Select(g => $"Credibility.{g}"),
        ];

        Assert.Equal([], keys.Where(k => !neutral.ContainsKey(k)).ToArray());
    }

    [Fact]
    public void Every_key_the_pages_use_is_in_the_neutral_file()
    {
        var neutral = Read("en");
        var web = Path.Combine(Path.GetDirectoryName(TestEnvironment.RepositoryFile("src", "Truce", "Truce.csproj"))!, "Web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct();

        Assert.Equal([], used.Where(k => !neutral.ContainsKey(k)).ToArray());
    }

    private static IEnumerable<string> Keys<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => Words.Key(v));

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>A literal key: T["Nav.Map"], T.Plural("Incident.Sources", …), or a key passed as a string ("NotFound.Incident").</summary>
    [GeneratedRegex(@"(?:T\[|Plural\(|\? |: |NotFoundModel\(\w+, )""([A-Z][A-Za-z]+\.[A-Z][A-Za-z0-9]*)""")]
    private static partial Regex UsedKey();
}
