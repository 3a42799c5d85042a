using System.Xml.Linq;
using Truce.Web;

namespace Truce.Tests.Localization;

/// <summary>
/// Every failure message Core and the web layer can say (every format they compile, found in the IL) has its English key in
/// MessageText and a real translation in each language: a message missing here would answer in English to a Russian,
/// Armenian or Azerbaijani reader.
/// </summary>
public sealed class MessageTranslationTests
{
    /// <summary>Formats a translation rightly leaves as they are: nothing in them is a word of a language.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = ["{0}"];

    /// <summary>
    /// Where formatted text is not a message to a person in the viewer's language: the handover certificate's text is
    /// signed as it stands (its words are part of what the parties sign), the demo builds GeoJSON with invariant numbers,
    /// and the CLI speaks English (as the journal does).
    /// </summary>
    private static readonly string[] NotMessages = ["Truce.Handovers.HandoverCertificate", "Truce.Demo.", "Truce.Cli."];

    private static Dictionary<string, string> Read(string language)
    {
        var file = TestEnvironment.RepositoryFile("src", "Truce", "Resources", "Web", language == "en" ? "MessageText.resx" : $"MessageText.{language}.resx");
        return XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    public static TheoryData<string> Assemblies => new("Truce.Core", "truce");

    private static IReadOnlyList<(string Format, string Where)> Messages(string assembly) =>
        [.. CompiledMessages.Of(assembly == "truce" ? typeof(Problems).Assembly : typeof(Failure).Assembly)
            .Where(m => !NotMessages.Any(n => m.Where.StartsWith(n, StringComparison.Ordinal)))];

    [Fact]
    public void The_scan_finds_messages_of_every_kind_of_method()
    {
        var core = Messages("Truce.Core").Select(m => m.Format).ToHashSet();

        // A plain method, a helper that takes a FormattableString, an async command and Failure.NotFound's sentence.
        Assert.Contains("must be at least {0} characters.", core);
        Assert.Contains("The submission has invalid fields.", core);
        Assert.Contains("The handover was not found.", core);
        Assert.Contains("'{0}' has signed this handover already.", core);
        Assert.True(core.Count > 150, $"only {core.Count} messages found");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_message_has_an_english_key(string assembly)
    {
        var neutral = Read("en");

        var missing = Messages(assembly).Where(m => !neutral.ContainsKey(m.Format)).Select(m => $"{m.Where}: {m.Format}").Order().ToList();

        // Every one named in full, so a translator has the list to work from.
        Assert.True(missing.Count == 0, "No English key in MessageText.resx for:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_message_is_translated_in_every_language(string assembly)
    {
        var untranslated =
            from language in Languages.Supported.Where(l => l != Languages.Default)
            let texts = Read(language)
            from message in Messages(assembly)
            where !SameInEveryLanguage.Contains(message.Format)
            where !texts.TryGetValue(message.Format, out var text) || text == message.Format
            select $"{language}: {message.Format}";

        var missing = untranslated.Distinct().Order().ToList();

        Assert.True(missing.Count == 0, "Not translated:\n" + string.Join("\n", missing));
    }
}
