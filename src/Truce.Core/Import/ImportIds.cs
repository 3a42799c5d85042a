using System.Security.Cryptography;
using System.Text;

namespace Truce.Import;

/// <summary>
/// Ids derived from a dataset's own: the same event always gets the same observation and incident, in
/// every store, so a re-import finds what the first import wrote.
/// </summary>
public static class ImportIds
{
    public static Guid ObservationOf(string source, string externalId) => Derive($"observation\n{source}\n{externalId}");

    public static Guid IncidentOf(Guid observationId) => Derive($"incident\n{observationId:D}");

    private static Guid Derive(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (name-based, custom hash) and the RFC variant.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
