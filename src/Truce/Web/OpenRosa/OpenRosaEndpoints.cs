using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The OpenRosa form list and submission API (https://docs.getodk.org/openrosa/), so that ODK Collect and Enketo
/// report to Truce: point Collect's server URL at https://HOST/openrosa. Not part of the JSON API's OpenAPI document:
/// its contract is OpenRosa's. Signed in with the bearer token, or Basic with a token (<see cref="OpenRosaBasicHandler"/>).
/// </summary>
internal static class OpenRosaEndpoints
{
    public const string Path = "/openrosa";

    public const string AcceptContentLengthHeader = "X-OpenRosa-Accept-Content-Length";

    private static readonly XNamespace FormList = "http://openrosa.org/xforms/xformsList";

    public static void MapOpenRosa(this IEndpointRouteBuilder app)
    {
        var openRosa = app.MapGroup(Path).ExcludeFromDescription().DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers[OpenRosaResponse.VersionHeader] = OpenRosaResponse.Version;
                return await next(context);
            });
        openRosa.MapGet("/formList", List).Allow(AccessRule.For(Operation.SubmitObservation));
        openRosa.MapGet($"/forms/{{formId}}", Form).Allow(AccessRule.For(Operation.SubmitObservation));
        // Collect asks with HEAD first: where to post, whether it must sign in, and how large one post may be.
        openRosa.MapMethods("/submission", [HttpMethods.Head], (HttpResponse response, TruceSettings settings) =>
            {
                response.Headers[AcceptContentLengthHeader] = settings.EvidenceMaxBytes.ToString(CultureInfo.InvariantCulture);
                return Results.NoContent();
            })
            .Allow(AccessRule.For(Operation.SubmitObservation));
        openRosa.MapPost("/submission", (HttpRequest request, Viewer viewer, TruceDb db, TruceSettings settings, EvidenceGate gate, IStringLocalizer<PageText> text, CancellationToken cancellationToken) =>
            {
                request.HttpContext.Response.Headers[AcceptContentLengthHeader] = settings.EvidenceMaxBytes.ToString(CultureInfo.InvariantCulture);
                return OpenRosaSubmission.ReceiveAsync(request, viewer, db, settings, gate, text, cancellationToken);
            })
            .Allow(AccessRule.For(Operation.SubmitObservation)).RequireRateLimiting(RateLimits.Submissions);
    }

    private static async Task<IResult> List(HttpRequest request, TruceDb db, IStringLocalizer<PageText> text, CancellationToken cancellationToken)
    {
        var form = ObservationXForm.Build(text, await MissionEndpoints.PartiesAsync(db, cancellationToken));
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{Path}/forms/{ObservationXForm.FormId}";
        var list = new XElement(FormList + "xforms",
            new XElement(FormList + "xform",
                new XElement(FormList + "formID", ObservationXForm.FormId),
                new XElement(FormList + "name", text["ObservationNew.Title"].Value),
                new XElement(FormList + "version", form.Version),
                new XElement(FormList + "hash", form.Md5),
                new XElement(FormList + "downloadUrl", url)));
        return Results.Text(list.ToString(), OpenRosaResponse.MediaType);
    }

    private static async Task<IResult> Form(string formId, TruceDb db, IStringLocalizer<PageText> text, CancellationToken cancellationToken)
    {
        if (formId != ObservationXForm.FormId && formId != ObservationXForm.FormId + ".xml")
        {
            return OpenRosaResponse.Refused(Failure.NotFound("The form"));
        }
        var form = ObservationXForm.Build(text, await MissionEndpoints.PartiesAsync(db, cancellationToken));
        return Results.Bytes(form.Xml, OpenRosaResponse.MediaType);
    }
}
