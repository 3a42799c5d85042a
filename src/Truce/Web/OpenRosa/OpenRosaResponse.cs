using System.Text;
using System.Xml.Linq;

namespace Truce.Web;

/// <summary>
/// The OpenRosa response document (https://docs.getodk.org/openrosa-http/#openrosa-responses): the one message
/// ODK Collect shows its user after a submission, for a success and for a refusal alike.
/// </summary>
internal static class OpenRosaResponse
{
    public const string VersionHeader = "X-OpenRosa-Version";

    public const string Version = "1.0";

    public const string MediaType = "text/xml; charset=utf-8";

    private static readonly XNamespace Namespace = "http://openrosa.org/http/response";

    public static IResult Received(string message) => Message(StatusCodes.Status201Created, "submit_success", message);

    /// <summary>A refusal with its status (400 unreadable, 422 a rule broken, 409 the instanceID reused...) and every bad field named.</summary>
    public static IResult Refused(Failure failure)
    {
        var fields = failure.LocalErrors().SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"));
        var text = string.Join(" ", new[] { failure.LocalTitle() }.Concat(fields).Where(t => t.Length > 0));
        return Message(Problems.Status(failure.Kind), "error", text);
    }

    /// <summary>A refusal decided before any rule of the report (the per-minute limit), in the same document.</summary>
    public static IResult Refused(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        Message(problem.Status ?? StatusCodes.Status400BadRequest, "error", problem.Title ?? "");

    private static IResult Message(int status, string nature, string text)
    {
        var document = new XElement(Namespace + "OpenRosaResponse", new XAttribute("items", 0),
            new XElement(Namespace + "message", new XAttribute("nature", nature), text));
        return Results.Text(document.ToString(SaveOptions.DisableFormatting), MediaType, Encoding.UTF8, status);
    }
}
