using System.Net.Http.Headers;
using System.Security.Cryptography;
using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// Evidence sent in parts over a bad link, resumable: <c>PUT /api/observations/{id}/evidence/{sha256}</c>, each request
/// carrying <c>Content-Range: bytes FIRST-LAST/TOTAL</c>. Until the file is whole the answer is 202 with
/// <see cref="OffsetHeader"/>, the bytes held so far, where the client goes on (after a lost answer, a restart of either
/// side); a part that does not start there is not written. The whole file must have the SHA-256 its address names
/// before it is attached (201); a file this observation already cites is answered 200 at once, with nothing sent.
/// The parts wait in DATA/uploads, one file per user, observation and SHA-256: on another node of a cluster an upload
/// starts again from the beginning, nothing worse.
/// </summary>
internal static class EvidenceChunks
{
    public const string OffsetHeader = "Upload-Offset";

    public const string Folder = "uploads";

    public static async Task<IResult> PutAsync(
        Guid id, string sha256, string? name, string? type, HttpRequest request, Viewer viewer, TruceDb db, TruceSettings settings, EvidenceGate gate, CancellationToken cancellationToken)
    {
        var sha = sha256.ToLowerInvariant();
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit))
        {
            return Failure.Field(FailureKind.Malformed, "sha256", $"must be the file's SHA-256: 64 hexadecimal digits.").ToProblem();
        }
        if (!ContentRangeHeaderValue.TryParse(request.Headers.ContentRange.ToString(), out var range)
            || range is not { HasRange: true, HasLength: true, From: { } from, To: { } to, Length: { } total } || range.Unit != "bytes")
        {
            return Failure.Field(FailureKind.Malformed, "Content-Range", $"is required: bytes FIRST-LAST/TOTAL, the part of the file this request carries.").ToProblem();
        }
        if (total > settings.EvidenceMaxBytes)
        {
            return Failure.Field(FailureKind.TooLarge, "file", $"is larger than the limit of {settings.EvidenceMaxBytes} bytes.").ToProblem();
        }
        var observation = await Observations.FindAsync(db, viewer, id, cancellationToken);
        if (observation is null)
        {
            return Problems.NotFound("The observation");
        }
        if (observation.Evidence.FirstOrDefault(e => e.Sha256 == sha) is { } cited)
        {
            return TypedResults.Ok(EvidenceJson.From(cited));
        }
        var folder = Directory.CreateDirectory(Path.Combine(settings.DataFolder, Folder));
        var path = Path.Combine(folder.FullName, $"{viewer.UserId:N}-{id:N}-{sha}.part");
        // A file counts against the per-minute limit once, when its first part starts it; a repeated first part does not.
        var starts = from == 0 && (!File.Exists(path) || new FileInfo(path).Length == 0);
        if (await gate.RefuseAsync(request.HttpContext, viewer, starts ? 1 : 0) is { } refused)
        {
            return refused;
        }
        FileStream part;
        try
        {
            part = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        }
        catch (IOException)
        {
            return Failure.Field(FailureKind.Conflict, "sha256", $"Another upload of this file is in progress.").ToProblem();
        }
        await using (part)
        {
            if (from == part.Length && to >= from && to < total)
            {
                part.Seek(0, SeekOrigin.End);
                var written = await CopyAtMostAsync(request.Body, part, to - from + 1, cancellationToken);
                if (written != to - from + 1)
                {
                    part.SetLength(from);
                    return Failure.Field(FailureKind.Malformed, "Content-Range", $"the body holds {written} bytes, not the {to - from + 1} that Content-Range announces.").ToProblem();
                }
            }
            if (part.Length < total)
            {
                request.HttpContext.Response.Headers[OffsetHeader] = part.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Accepted((string?)null);
            }
            part.Position = 0;
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(part, cancellationToken));
            if (actual != sha || part.Length != total)
            {
                part.SetLength(0);
                return Failure.Field(FailureKind.Invalid, "sha256", $"the file's SHA-256 is {actual}, not the one in the address; send it again from the start.").ToProblem();
            }
            part.Position = 0;
            var attached = await Evidence.AttachAsync(db, viewer, id, name, type, part, settings.EvidenceMaxBytes, settings.EvidenceMaxBytesPerUserPerDay, cancellationToken);
            if (attached.Failure is { } failure)
            {
                return failure.ToProblem();
            }
            var json = EvidenceJson.From(attached.Value!);
            File.Delete(path);
            return TypedResults.Created(json.Url, json);
        }
    }

    /// <summary>Copies at most one byte more than expected, so that a body longer than announced is caught without reading it all.</summary>
    private static async Task<long> CopyAtMostAsync(Stream from, Stream to, long expected, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total <= expected && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, expected + 1 - total)), cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }
        return total;
    }
}
