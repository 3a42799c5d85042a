using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Web;

/// <summary>An evidence upload: the multipart field 'file', refused before it is read when the body is over the limit.</summary>
internal static class EvidenceUpload
{
    /// <summary>What the multipart framing may add to the file itself, in bytes.</summary>
    public const long FramingBytes = 64 * 1024;

    public static async Task<Result<ObservationEvidence>> AttachAsync(
        HttpRequest request, TruceDb db, Viewer viewer, Guid observationId, TruceSettings settings, CancellationToken cancellationToken)
    {
        var maxBytes = settings.EvidenceMaxBytes;
        if (!request.HasFormContentType)
        {
            return Failure.Field(FailureKind.Malformed, "file", $"send the file as multipart/form-data in a field named 'file'.");
        }
        var tooLarge = Failure.Field(FailureKind.TooLarge, "file", $"is larger than the limit of {maxBytes} bytes.");
        if (request.ContentLength > maxBytes + FramingBytes)
        {
            return tooLarge;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            // A body sent without a Content-Length runs into the multipart limit while being read.
            return tooLarge;
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            return Failure.Field(FailureKind.Malformed, "file", $"the multipart body cannot be read: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return Failure.Field(FailureKind.Invalid, "file", $"is required: a multipart field named 'file'.");
        }
        await using var content = file.OpenReadStream();
        return await Evidence.AttachAsync(db, viewer, observationId, file.FileName, file.ContentType, content, maxBytes, settings.EvidenceMaxBytesPerUserPerDay, cancellationToken);
    }
}
