using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Monitoring;

/// <summary>A file kept once by its SHA-256, however many observations cite it.</summary>
[ReadBy(ReadRule.Restricted)]
public sealed class EvidenceFile
{
    public string Sha256 { get; set; } = "";

    public long Length { get; set; }

    public string ContentType { get; set; } = "";

    public string FileName { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>An observation's citation of an evidence file, under the name it was uploaded with.</summary>
[ReadBy(ReadRule.WithOwner, Owner = typeof(Observation))]
public sealed class ObservationEvidence
{
    public Guid ObservationId { get; set; }

    public string Sha256 { get; set; } = "";

    public string FileName { get; set; } = "";

    public long Length { get; set; }

    public string ContentType { get; set; } = "";
}

public static class Evidence
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>Stores a file (once per content) and cites it from an observation the viewer can see.</summary>
    public static async Task<Result<ObservationEvidence>> AttachAsync(
        TruceDb db, Viewer viewer, Guid observationId, string? fileName, string? contentType, Stream content,
        long maxBytes, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.AttachEvidence))
        {
            return Failure.Forbidden($"Your role may not attach evidence.");
        }
        var observation = await Observations.FindAsync(db, viewer, observationId, cancellationToken);
        if (observation is null)
        {
            return Failure.NotFound("The observation");
        }
        var bytes = await ReadAtMost(content, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return Failure.Field(FailureKind.TooLarge, "file", $"is larger than the limit of {maxBytes} bytes.");
        }
        if (bytes.Length == 0)
        {
            return Failure.Field(FailureKind.Invalid, "file", $"is empty.");
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var name = SafeName(fileName);
        var type = string.IsNullOrWhiteSpace(contentType) || contentType.Length > 100 ? "application/octet-stream" : contentType;
        var citation = observation.Evidence.FirstOrDefault(e => e.Sha256 == sha);
        if (citation is not null)
        {
            return citation;
        }
        if (!await db.EvidenceFiles.AnyAsync(f => f.Sha256 == sha, cancellationToken))
        {
            db.EvidenceFiles.Add(new EvidenceFile
            {
                Sha256 = sha, Length = bytes.Length, ContentType = type, FileName = name, Content = bytes,
                ReceivedAt = Instant.Now(db.Clock),
            });
        }
        citation = new ObservationEvidence { ObservationId = observationId, Sha256 = sha, FileName = name, Length = bytes.Length, ContentType = type };
        db.ObservationEvidence.Add(citation);
        await db.SaveChangesAsync(cancellationToken);
        return citation;
    }

    /// <summary>The file, when it is cited by an observation the viewer can see.</summary>
    public static async Task<EvidenceFile?> FindAsync(TruceDb db, Viewer viewer, Guid observationId, string sha, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.ReadEvidence))
        {
            return null;
        }
        var observation = await Observations.FindAsync(db, viewer, observationId, cancellationToken);
        if (observation is null || observation.Evidence.All(e => e.Sha256 != sha))
        {
            return null;
        }
        return await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Sha256 == sha, cancellationToken);
    }

    /// <summary>Only the last segment of a client's file name, without control characters: never a path.</summary>
    public static string SafeName(string? fileName)
    {
        var last = (fileName ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        if (clean.Length > 200)
        {
            clean = clean[^200..];
        }
        return clean.Length == 0 ? "evidence" : clean;
    }

    private static async Task<byte[]?> ReadAtMost(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
