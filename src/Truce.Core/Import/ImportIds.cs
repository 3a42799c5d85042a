using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Truce.Import;

/// <summary>
/// Ids derived from a dataset's own: the same event always gets the same observation and incident, in
/// every store, so a re-import finds what the first import wrote. The first 48 bits are the event's start in
/// Unix milliseconds (the UUIDv7 layout), the rest come from the hash: events of nearby times get nearby keys,
/// so an import in time order appends to the end of each index instead of touching a random page of it per row
/// (docs/benchmarks.md, "Import"). An event whose date a later release corrects gets another id; the importer
/// still finds it by source and dataset id.
/// </summary>
public static class ImportIds
{
    public static Guid ObservationOf(string source, string externalId, DateTimeOffset observedFrom) =>
        Derive($"observation\n{source}\n{externalId}", observedFrom.ToUnixTimeMilliseconds());

    /// <summary>The incident of an imported event: its time prefix is the observation's, so incidents are local too.</summary>
    public static Guid IncidentOf(Guid observationId)
    {
        Span<byte> observation = stackalloc byte[16];
        observationId.TryWriteBytes(observation, bigEndian: true, out _);
        return Derive($"incident\n{observationId:D}", TimeOf(observation));
    }

    /// <summary>The Unix milliseconds in an id's first 48 bits (big-endian, as RFC 9562 and the id's text show them).</summary>
    public static long TimeOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return TimeOf(bytes);
    }

    private static long TimeOf(ReadOnlySpan<byte> bytes) =>
        (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]) >> 16);

    private static Guid Derive(string name, long unixMs)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        Span<byte> bytes = stackalloc byte[16];
        // 48 bits hold 1970 to the year 10889; an event before 1970 gets the prefix 0 (still deterministic).
        var prefix = (ulong)Math.Clamp(unixMs, 0, (1L << 48) - 1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[..8], prefix << 16);
        hash[..10].CopyTo(bytes[6..]);
        // RFC 9562 version 8 (custom: a time prefix and a name hash) and the RFC variant; 74 bits of the hash remain.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
