using Microsoft.Extensions.Localization;
using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// One OpenRosa submission post: the instance (multipart field <see cref="XmlField"/>) and its attachments, each in a
/// part named after its file. Everything is read and checked before anything is written, so a refused post leaves
/// nothing behind. The instanceID is the observation's id: a resubmission is answered as the first, and the posts of a
/// submission that Collect split (each repeats the instance, the last without <see cref="IncompleteField"/>) attach
/// their files to the one observation. A file already held is cited, not stored again.
/// </summary>
internal static class OpenRosaSubmission
{
    public const string XmlField = "xml_submission_file";

    public const string IncompleteField = "*isIncomplete*";

    public static async Task<IResult> ReceiveAsync(
        HttpRequest request, Viewer viewer, TruceDb db, TruceSettings settings, EvidenceGate gate, IStringLocalizer<PageText> text, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(request, settings.EvidenceMaxBytes, cancellationToken);
        if (read.Failure is { } unreadable)
        {
            return OpenRosaResponse.Refused(unreadable);
        }
        var (input, files) = read.Value!;
        if (await gate.RefuseAsync(request.HttpContext, viewer, files.Count) is { } limited)
        {
            return OpenRosaResponse.Refused(limited.ProblemDetails);
        }
        var submitted = await Observations.SubmitAsync(db, viewer, input, cancellationToken);
        if (submitted.Failure is { } refused)
        {
            return OpenRosaResponse.Refused(refused);
        }
        var observation = submitted.Value!.Record;
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var attached = await Evidence.AttachAsync(db, viewer, observation.Id, file.FileName, file.ContentType, content, settings.EvidenceMaxBytes, settings.EvidenceMaxBytesPerUserPerDay, cancellationToken);
            if (attached.Failure is { } notAttached)
            {
                // The files were checked before the report was written; what fails here is a retry's to complete.
                return OpenRosaResponse.Refused(notAttached);
            }
        }
        return OpenRosaResponse.Received(string.Format(System.Globalization.CultureInfo.CurrentCulture, text["OpenRosa.Received"], observation.Id));
    }

    private static async Task<Result<(ObservationInput Input, IReadOnlyList<IFormFile> Files)>> ReadAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Failure.Field(FailureKind.Malformed, XmlField, $"send the instance as multipart/form-data in a part named 'xml_submission_file'.");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            return Failure.Field(FailureKind.Malformed, XmlField, $"the multipart body cannot be read: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Failure.Field(FailureKind.TooLarge, XmlField, $"is larger than the limit of {maxBytes} bytes.");
        }
        if (form.Files.GetFile(XmlField) is not { } xml)
        {
            return Failure.Field(FailureKind.Malformed, XmlField, $"is required: the instance, in a part named 'xml_submission_file'.");
        }
        var files = form.Files.Where(f => f.Name != XmlField).ToList();
        if (files.FirstOrDefault(f => f.Length > maxBytes) is { } tooLarge)
        {
            return Failure.Field(FailureKind.TooLarge, tooLarge.Name, $"is larger than the limit of {maxBytes} bytes.");
        }
        if (files.FirstOrDefault(f => f.Length == 0) is { } empty)
        {
            return Failure.Field(FailureKind.Invalid, empty.Name, $"is empty.");
        }
        await using var stream = xml.OpenReadStream();
        var input = await OpenRosaInstance.ReadAsync(stream, cancellationToken);
        if (input.Failure is { } bad)
        {
            return bad;
        }
        return (input.Value!, files);
    }
}
