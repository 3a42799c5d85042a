using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Truce.Webhooks;

/// <summary>
/// Signing as the Standard Webhooks specification does: HMAC-SHA256, keyed with the secret's bytes (base64 after
/// <c>whsec_</c>), over <c>id.timestamp.body</c>; the header value is <c>v1,</c> and the base64 of the MAC.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes (the spec asks for 24 to 64).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header for one attempt; <paramref name="timestamp"/> in Unix seconds.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
