using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;
using Truce.Storage;

namespace Truce.Journal;

/// <summary>The last entry of an exported journal, which the mission's key signs.</summary>
public sealed record JournalHead(long Seq, string Hash, long Entries)
{
    /// <summary>The exact bytes signed: a fixed prefix, so that no other message of ours can be mistaken for a head.</summary>
    public byte[] Message() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"truce-journal-head\n{Seq}\n{Hash}\n{Entries}"));
}

/// <summary>The signed trailer of an export file.</summary>
public sealed record JournalSignature(JournalHead Head, string PublicKey, string Signature);

/// <summary>
/// A copy of the journal that a third party can check without the server: one JSON entry per line, then a
/// line with the head signed by the mission's Ed25519 key.
/// </summary>
public static class JournalExport
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>A new signing key as (private seed, public key), both raw 32 bytes.</summary>
    public static (byte[] Private, byte[] Public) NewKey()
    {
        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return (key.Export(KeyBlobFormat.RawPrivateKey), key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public static byte[] PublicKeyOf(byte[] privateKey)
    {
        using var key = Key.Import(Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>Streams the journal to a writer and signs its head; returns the signed head.</summary>
    public static async Task<JournalSignature> WriteAsync(TruceDb db, TextWriter writer, byte[] privateKey, CancellationToken cancellationToken = default)
    {
        JournalEntry? last = null;
        var count = 0L;
        await foreach (var entry in db.Journal.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(entry, Json));
            last = entry;
            count++;
        }
        var head = new JournalHead(last?.Seq ?? 0, last?.Hash ?? JournalChain.Genesis, count);
        using var key = Key.Import(Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
        var signature = new JournalSignature(head,
            Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            Convert.ToBase64String(Ed25519.Sign(key, head.Message())));
        await writer.WriteLineAsync(JsonSerializer.Serialize(new { signed = signature }, Json));
        return signature;
    }

    /// <summary>
    /// Checks an export against a public key obtained from the mission out of band: every line parses, the
    /// chain holds, the head is the last entry, and the key signed it. Returns null when all holds.
    /// </summary>
    public static async Task<string?> CheckAsync(TextReader reader, byte[] publicKey, CancellationToken cancellationToken = default)
    {
        JournalEntry? previous = null;
        var count = 0L;
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            JsonElement element;
            try
            {
                element = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException e)
            {
                return $"line {lineNumber}: not JSON ({e.Message})";
            }
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("signed", out var signed))
            {
                var trailer = signed.Deserialize<JournalSignature>(Json);
                if (trailer is null || await reader.ReadLineAsync(cancellationToken) is not null)
                {
                    return $"line {lineNumber}: the signed head must be the last line";
                }
                return CheckHead(trailer, previous, count, publicKey);
            }
            var entry = element.Deserialize<JournalEntry>(Json);
            if (entry is null)
            {
                return $"line {lineNumber}: not a journal entry";
            }
            if (JournalChain.Check(previous, entry) is { } broken)
            {
                return $"line {lineNumber}: {broken}";
            }
            previous = entry;
            count++;
        }
        return "the file ends without a signed head: it was cut short";
    }

    private static string? CheckHead(JournalSignature trailer, JournalEntry? last, long count, byte[] publicKey)
    {
        var expected = new JournalHead(last?.Seq ?? 0, last?.Hash ?? JournalChain.Genesis, count);
        if (trailer.Head != expected)
        {
            return $"the signed head ({trailer.Head.Seq}, {trailer.Head.Hash}) is not the last entry of the file ({expected.Seq}, {expected.Hash})";
        }
        return Verify(publicKey, trailer.Head.Message(), trailer.Signature, "the head's");
    }

    /// <summary>Why a base64 Ed25519 signature over a message does not verify with a raw public key, or null when it does.</summary>
    internal static string? Verify(byte[] publicKey, byte[] message, string signatureBase64, string whose)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return "the signature is not base64";
        }
        if (!PublicKey.TryImport(Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return "the public key is not a raw Ed25519 key";
        }
        return Ed25519.Verify(key, message, signature)
            ? null
            : $"{whose} signature does not verify with this key: the export was not signed by it, or was altered";
    }
}
