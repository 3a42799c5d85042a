using System.Globalization;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

namespace Truce.Journal;

/// <summary>
/// What one outside viewer (the public, or one party) may see of the mission's records, as a document the mission
/// signs with its journal key: a header line naming the viewer and the journal head it was read at, one JSON line per
/// record as the API shows that viewer, then a signed trailer over the SHA-256 of every line before it. Journal entries
/// cannot be handed out (they hold each record whole, before and after), so this export proves who issued it and that
/// nothing was changed, added or left out since; it does not prove what the journal held beyond the head it names.
/// </summary>
public static class RedactedExport
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The signed trailer: for whom, how many lines, their digest, the key and its signature.</summary>
    public sealed record Trailer(string For, long Lines, string Sha256, string PublicKey, string Signature);

    /// <summary>The exact bytes signed: a fixed prefix, so that neither a journal head nor anything else of ours can pass for it.</summary>
    public static byte[] Message(string viewer, long lines, string sha256) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"truce-redacted-export\n{viewer}\n{lines}\n{sha256}"));

    /// <summary>Writes the header, each record line and the signed trailer; returns the trailer.</summary>
    public static async Task<Trailer> WriteAsync(
        TextWriter writer, string viewer, JournalHead head, IAsyncEnumerable<object> records, byte[] privateKey,
        CancellationToken cancellationToken = default)
    {
        using var digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var lines = 0L;
        async Task WriteLineAsync(string line)
        {
            digest.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            lines++;
            await writer.WriteLineAsync(line);
        }
        await WriteLineAsync(JsonSerializer.Serialize(new { redacted = new { @for = viewer, journalSeq = head.Seq, journalHash = head.Hash } }, Json));
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            await WriteLineAsync(JsonSerializer.Serialize(record, record.GetType(), Json));
        }
        var sha256 = Convert.ToHexStringLower(digest.GetHashAndReset());
        using var key = Key.Import(Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
        var trailer = new Trailer(viewer, lines, sha256,
            Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            Convert.ToBase64String(Ed25519.Sign(key, Message(viewer, lines, sha256))));
        await writer.WriteLineAsync(JsonSerializer.Serialize(new { signed = trailer }, Json));
        return trailer;
    }

    /// <summary>Whether a line opens a redacted export (its header), rather than a journal export's first entry.</summary>
    public static bool IsHeader(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("redacted", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Checks a redacted export against the mission's public key (obtained out of band): every line before the trailer
    /// is counted and hashed, and the key must have signed that count and digest for the viewer the header names.
    /// Returns null when all holds.
    /// </summary>
    public static async Task<string?> CheckAsync(TextReader reader, byte[] publicKey, CancellationToken cancellationToken = default)
    {
        using var digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var lines = 0L;
        string? viewer = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            JsonElement element;
            try
            {
                element = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException e)
            {
                return $"line {lines + 1}: not JSON ({e.Message})";
            }
            if (lines == 0)
            {
                viewer = element.TryGetProperty("redacted", out var header) && header.TryGetProperty("for", out var named) ? named.GetString() : null;
                if (viewer is null)
                {
                    return "line 1: not the header of a redacted export";
                }
            }
            else if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("signed", out var signed))
            {
                if (await reader.ReadLineAsync(cancellationToken) is not null)
                {
                    return $"line {lines + 1}: the signed trailer must be the last line";
                }
                return CheckTrailer(signed.Deserialize<Trailer>(Json), viewer!, lines, Convert.ToHexStringLower(digest.GetHashAndReset()), publicKey);
            }
            digest.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            lines++;
        }
        return "the file ends without a signed trailer: it was cut short";
    }

    private static string? CheckTrailer(Trailer? trailer, string viewer, long lines, string sha256, byte[] publicKey)
    {
        if (trailer is null || trailer.For != viewer || trailer.Lines != lines || trailer.Sha256 != sha256)
        {
            return $"the signed trailer does not describe the {lines} lines before it: a line was changed, added or removed";
        }
        return JournalExport.Verify(publicKey, Message(trailer.For, trailer.Lines, trailer.Sha256), trailer.Signature, "the trailer's");
    }
}
