using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Truce.Web;

/// <summary>
/// A failure said in the request's language (problem details and the pages' Errors): each format is looked up in
/// MessageText's resources and its arguments formatted in the request's culture. A format without a translation stays English.
/// </summary>
internal static class FailureText
{
    // The request's culture is ambient (set by the localisation middleware), so one localiser serves every request.
    private static readonly IStringLocalizer Messages = new PseudoLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(MessageText));

    public static string Say(FormattableString message) =>
        string.Format(CultureInfo.CurrentCulture, Messages[message.Format].Value, message.GetArguments());

    public static string LocalTitle(this Failure failure) => failure.TitleFormat is { } title ? Say(title) : failure.Title;

    public static IReadOnlyDictionary<string, string[]> LocalErrors(this Failure failure) => failure.ErrorFormats is { } formats
        ? formats.ToDictionary(e => e.Key, e => e.Value.Select(Say).ToArray())
        : failure.Errors;
}
