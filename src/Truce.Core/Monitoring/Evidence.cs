using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Monitoring;

/// <summary>
/// A file kept once by its SHA-256, however many observations cite it. Its <see cref="FileName"/> is the name it first
/// came with and is never shown: each citation carries the name its own uploader gave.
/// </summary>
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

    /// <summary>The user who attached the file to this observation (a citation is attributed, the shared file is not).</summary>
    public Guid AttachedById { get; set; }

    public DateTimeOffset AttachedAt { get; set; }
}

public static class Evidence
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>What one user may upload in 24 hours, in bytes, by default (ten files at the largest default size).</summary>
    public const long DefaultMaxBytesPerUserPerDay = 10 * DefaultMaxBytes;

    /// <summary>
    /// Stores a file (once per content) and cites it from an observation the viewer can see and may attach to (see
    /// <see cref="AccessPolicy.MayAttachEvidenceTo"/>), attributed to the viewer. <paramref name="maxBytes"/> bounds the
    /// file, <paramref name="maxBytesPerDay"/> what the viewer attached in the last 24 hours with it.
    /// </summary>
    public static async Task<Result<ObservationEvidence>> AttachAsync(
        TruceDb db, Viewer viewer, Guid observationId, string? fileName, string? contentType, Stream content,
        long maxBytes, long maxBytesPerDay = DefaultMaxBytesPerUserPerDay, CancellationToken cancellationToken = default)
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
        if (!viewer.MayAttachEvidenceTo(observation))
        {
            return Failure.Forbidden($"Only the mission and the side that submitted this observation may attach evidence to it.");
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
        var now = Instant.Now(db.Clock);
        var since = now.AddDays(-1);
        var attachedToday = await db.ObservationEvidence.Where(e => e.AttachedById == viewer.UserId && e.AttachedAt > since)
            .Select(e => e.Length).ToListAsync(cancellationToken);
        if (attachedToday.Sum() + bytes.Length > maxBytesPerDay)
        {
            return Failure.Field(FailureKind.TooLarge, "file", $"would take your uploads past {maxBytesPerDay} bytes in 24 hours.");
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
                ReceivedAt = now,
            });
        }
        citation = new ObservationEvidence
        {
            ObservationId = observationId, Sha256 = sha, FileName = name, Length = bytes.Length, ContentType = type,
            AttachedById = viewer.UserId ?? Guid.Empty, AttachedAt = now,
        };
        db.ObservationEvidence.Add(citation);
        await db.SaveChangesAsync(cancellationToken);
        return citation;
    }

    /// <summary>
    /// The file's bytes under the name this observation's citation gave it (never the name another uploader gave the
    /// same bytes), when it is cited by an observation the viewer can see.
    /// </summary>
    public static async Task<(byte[] Content, string FileName)?> FindAsync(TruceDb db, Viewer viewer, Guid observationId, string sha, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.ReadEvidence))
        {
            return null;
        }
        var observation = await Observations.FindAsync(db, viewer, observationId, cancellationToken);
        if (observation?.Evidence.FirstOrDefault(e => e.Sha256 == sha) is not { } citation)
        {
            return null;
        }
        var content = await db.EvidenceFiles.AsNoTracking().Where(f => f.Sha256 == sha).Select(f => f.Content).FirstOrDefaultAsync(cancellationToken);
        return content is null ? null : (content, citation.FileName);
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
