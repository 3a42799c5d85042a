using System.Security.Cryptography;
using System.Text;

namespace Truce.Gazetteer;

/// <summary>Name rows' ids derived from the source's own, so a re-import finds what the first one wrote.</summary>
internal static class GazetteerIds
{
    public static Guid Of(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (name-based, custom hash) and the RFC variant, as Import.ImportIds makes them.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
