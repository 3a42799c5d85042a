using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Truce.Journal;

/// <summary>The hash rule of the journal, and its check.</summary>
public static class JournalChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 of the entry's fields joined by newlines, as UTF-8: previous hash, seq, instant, actor, action,
    /// entity, key, before, after. Encoded straight into one pooled buffer, the bulk lane's hot path.
    /// </summary>
    public static string HashOf(JournalEntry entry)
    {
        Span<string> parts =
        [
            entry.PreviousHash,
            entry.Seq.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.Entity,
            entry.RecordKey,
            entry.Before ?? "",
            entry.After ?? "",
        ];
        var length = parts.Length - 1;
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetByteCount(part);
        }
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    buffer[written++] = (byte)'\n';
                }
                written += Encoding.UTF8.GetBytes(parts[i], buffer.AsSpan(written));
            }
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Seals an entry onto the one before it (or onto the genesis when it is the first).</summary>
    public static void Seal(JournalEntry entry, JournalEntry? previous)
    {
        entry.Seq = (previous?.Seq ?? 0) + 1;
        entry.PreviousHash = previous?.Hash ?? Genesis;
        entry.Hash = HashOf(entry);
    }

    /// <summary>
    /// Walks entries in order of <see cref="JournalEntry.Seq"/> and returns the first that does not
    /// follow from the one before it, with why; null when the whole chain holds.
    /// </summary>
    public static JournalBreak? FirstBreak(IEnumerable<JournalEntry> entriesInOrder)
    {
        JournalEntry? previous = null;
        foreach (var entry in entriesInOrder)
        {
            if (Check(previous, entry) is { } broken)
            {
                return broken;
            }
            previous = entry;
        }
        return null;
    }

    /// <summary>Whether one entry follows from its predecessor (null for the first entry).</summary>
    public static JournalBreak? Check(JournalEntry? previous, JournalEntry entry)
    {
        var expectedSeq = (previous?.Seq ?? 0) + 1;
        if (entry.Seq != expectedSeq)
        {
            return new JournalBreak(entry.Seq, $"expected entry {expectedSeq} here but found {entry.Seq}: an entry is missing or was inserted");
        }
        if (entry.PreviousHash != (previous?.Hash ?? Genesis))
        {
            return new JournalBreak(entry.Seq, "its previous-hash does not match the entry before it");
        }
        if (entry.Hash != HashOf(entry))
        {
            return new JournalBreak(entry.Seq, "its content does not match its hash: the entry was changed");
        }
        return null;
    }
}

public sealed record JournalBreak(long Seq, string Reason)
{
    public override string ToString() => $"journal entry {Seq}: {Reason}";
}
