using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Truce.Mission;
using Truce.Monitoring;

namespace Truce.Web;

/// <summary>
/// The XForm of an observation for ODK Collect and Enketo. Its fields are <see cref="ObservationInput"/>'s, under the
/// same names, so that the server's errors name the question; their bounds and choices are read from the attributes
/// <see cref="ObservationInput"/> carries (the ones <see cref="ObservationRules"/> enforces and the OpenAPI document
/// states); their labels are the web form's, in every language Truce speaks.
/// </summary>
internal static class ObservationXForm
{
    public const string FormId = "truce_observation";

    private static readonly XNamespace X = "http://www.w3.org/2002/xforms";
    private static readonly XNamespace H = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Jr = "http://openrosa.org/javarosa";
    private static readonly XNamespace Orx = "http://openrosa.org/xforms";
    private static readonly XNamespace Odk = "http://www.opendatakit.org/xforms";

    /// <summary>A question: the field it fills, its XForm type, the resource key of its label, and its choices, if any.</summary>
    private sealed record Question(string Field, string Type, string Label, IReadOnlyList<(string Value, string Label)>? Choices = null, string? MediaType = null);

    /// <summary>The position of the device (or of a tap on Collect's map), with its accuracy: the point, or the observer's own position when a bearing and distance are given.</summary>
    public const string Location = "location";

    /// <summary>The photo and the recording; any other file Collect sends with the instance is kept as evidence too.</summary>
    public const string Photo = "photo";

    public const string Audio = "audio";

    /// <summary>The form as Collect downloads it, and its hash for the form list (md5 of exactly these bytes, as OpenRosa asks).</summary>
    public sealed record Document(byte[] Xml, string Version, string Md5);

    public static Document Build(IStringLocalizer<PageText> text, IReadOnlyList<Party> parties)
    {
        var questions = Questions(parties);
        // The version names the content, so Collect fetches the form again when a label, a bound or a party changes.
        var unversioned = Render(text, questions, version: "").ToString(SaveOptions.DisableFormatting);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(unversioned)))[..12];
        var document = Render(text, questions, version);
        var xml = Encoding.UTF8.GetBytes(document.Declaration + "\n" + document);
#pragma warning disable CA5351 // OpenRosa's form list names a form's content by its MD5; a checksum, not a protection.
        return new Document(xml, version, "md5:" + Convert.ToHexStringLower(MD5.HashData(xml)));
#pragma warning restore CA5351
    }

    private static List<Question> Questions(IReadOnlyList<Party> parties) =>
    [
        new("observedAt", "dateTime", "Field.When"),
        new("timePrecision", "select1", "ObservationNew.KnownTo", Slugs<TimePrecision>()),
        new(Location, "geopoint", "Field.Where"),
        new("bearingDeg", "decimal", "ObservationNew.BearingDeg"),
        new("distanceM", "int", "ObservationNew.DistanceM"),
        new("areaName", "string", "ObservationNew.AreaName"),
        new("category", "select1", "Field.Category", Slugs<Category>()),
        new("count", "int", "ObservationNew.HowMany"),
        new("sensor", "select1", "Field.HowKnown", Slugs<Sensor>()),
        new("civiliansKilled", "int", "ObservationNew.CiviliansKilled"),
        new("civiliansInjured", "int", "ObservationNew.CiviliansInjured"),
        new("combatantsKilled", "int", "ObservationNew.CombatantsKilled"),
        new("combatantsInjured", "int", "ObservationNew.CombatantsInjured"),
        // A party's name is the mission's data, the same in every language.
        new("allegedParty", "select1", "ObservationNew.AllegedParty", [.. parties.Select(p => (p.Id, "=" + p.Name))]),
        new("weather", "string", "ObservationNew.Weather"),
        new("viewRangeM", "int", "ObservationNew.ViewRangeM"),
        new("narrative", "string", "Observation.Narrative"),
        new(Photo, "binary", "Field.Photo", MediaType: "image/*"),
        new(Audio, "binary", "Field.Audio", MediaType: "audio/*"),
    ];

    private static List<(string, string)> Slugs<TEnum>() where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => (Slug.Of(v), Words.Key(v)))];

    private static XDocument Render(IStringLocalizer<PageText> text, List<Question> questions, string version)
    {
        var binds = questions.Select(Bind).Append(new XElement(X + "bind",
            new XAttribute("nodeset", "/data/meta/instanceID"), new XAttribute("type", "string"),
            new XAttribute("readonly", "true()"), new XAttribute(Jr + "preload", "uid")));
        var model = new XElement(X + "model", new XAttribute(Odk + "xforms-version", "1.0.0"),
            Translations(text, questions),
            new XElement(X + "instance",
                new XElement(X + "data", new XAttribute("id", FormId), new XAttribute("version", version),
                    questions.Select(q => new XElement(X + q.Field, q.Field == "timePrecision" ? "exact" : null)),
                    new XElement(X + "meta", new XElement(X + "instanceID")))),
            binds);
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(H + "html",
                new XAttribute("xmlns", X.NamespaceName), new XAttribute(XNamespace.Xmlns + "h", H.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "jr", Jr.NamespaceName), new XAttribute(XNamespace.Xmlns + "orx", Orx.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "odk", Odk.NamespaceName),
                new XElement(H + "head", new XElement(H + "title", "Truce"), model),
                new XElement(H + "body", questions.Select(Control))));
    }

    /// <summary>The question's type, whether it must be answered, and its bounds, from the attributes of <see cref="ObservationInput"/>.</summary>
    private static XElement Bind(Question question)
    {
        var property = typeof(ObservationInput).GetProperty(question.Field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        var bind = new XElement(X + "bind", new XAttribute("nodeset", $"/data/{question.Field}"),
            new XAttribute("type", question.Type == "select1" ? "string" : question.Type));
        // Where the XForm can say what the rules need, it does: a time, a place, a category and a sensor.
        if (property?.GetCustomAttribute<RequiredAttribute>() is not null || question.Field is "observedAt" or Location)
        {
            bind.Add(new XAttribute("required", "true()"));
        }
        var constraint = new List<string>();
        if (property?.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            constraint.Add(string.Create(CultureInfo.InvariantCulture, $". >= {range.Minimum}"));
            constraint.Add(string.Create(CultureInfo.InvariantCulture, $". {(range.MaximumIsExclusive ? "<" : "<=")} {range.Maximum}"));
        }
        if (property?.GetCustomAttribute<StringLengthAttribute>() is { } length)
        {
            constraint.Add(string.Create(CultureInfo.InvariantCulture, $"string-length(.) <= {length.MaximumLength}"));
        }
        if (constraint.Count > 0)
        {
            bind.Add(new XAttribute("constraint", string.Join(" and ", constraint)));
        }
        return bind;
    }

    private static XElement Control(Question question)
    {
        var label = new XElement(X + "label", new XAttribute("ref", $"jr:itext('{question.Field}:label')"));
        var element = question.Type switch
        {
            "select1" => new XElement(X + "select1", label, question.Choices!.Select(c => new XElement(X + "item",
                new XElement(X + "label", new XAttribute("ref", $"jr:itext('{question.Field}:{c.Value}')")),
                new XElement(X + "value", c.Value)))),
            "binary" => new XElement(X + "upload", new XAttribute("mediatype", question.MediaType!), label),
            _ => new XElement(X + "input", label),
        };
        element.Add(new XAttribute("ref", $"/data/{question.Field}"));
        if (question.Field == "narrative")
        {
            element.Add(new XAttribute("appearance", "multiline"));
        }
        return element;
    }

    /// <summary>Every label in every language (ODK names a language "English (en)"); a label given as "=text" is data, not a key.</summary>
    private static XElement Translations(IStringLocalizer<PageText> text, List<Question> questions)
    {
        var itext = new XElement(X + "itext");
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var language in Languages.Supported)
            {
                var culture = CultureInfo.GetCultureInfo(language);
                CultureInfo.CurrentUICulture = culture;
                string Say(string key) => key.StartsWith('=') ? key[1..] : text[key];
                var translation = new XElement(X + "translation", new XAttribute("lang", $"{Languages.NativeName(language)} ({language})"));
                if (language == Languages.Default)
                {
                    translation.Add(new XAttribute("default", "true()"));
                }
                foreach (var question in questions)
                {
                    translation.Add(Text($"{question.Field}:label", Say(question.Label)));
                    foreach (var (value, label) in question.Choices ?? [])
                    {
                        translation.Add(Text($"{question.Field}:{value}", Say(label)));
                    }
                }
                itext.Add(translation);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
        return itext;
    }

    private static XElement Text(string id, string value) => new(X + "text", new XAttribute("id", id), new XElement(X + "value", value));
}
