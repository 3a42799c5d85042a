using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Truce.Web;

/// <summary>
/// The address of the client a request comes from, the one key of per-client limits and sign-in lockouts. It is the
/// connection's peer unless <see cref="KnownProxiesKey"/> names proxies in front of Truce: then, and only for a
/// request that comes from one of them, the last address of X-Forwarded-For that is not itself a known proxy.
/// Trusting the header from anyone else would let every client choose its own address and escape those limits.
/// </summary>
internal static class ClientAddress
{
    /// <summary>The setting: addresses of the reverse proxies whose X-Forwarded-For is believed, comma-separated; empty, none.</summary>
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    /// <summary>What a request without a peer address (an in-process test host) counts as.</summary>
    public const string Unknown = "unknown";

    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? Unknown;

    /// <summary>The proxies named by the setting; a value that is not an IP address fails the start, naming the setting.</summary>
    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var text = configuration[KnownProxiesKey] ?? "";
        var proxies = new List<IPAddress>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(part, out var address))
            {
                throw new InvalidOperationException($"Setting {KnownProxiesKey}: '{part}' is not an IP address; give the proxies' addresses, comma-separated.");
            }
            proxies.Add(address);
        }
        return proxies;
    }

    /// <summary>Believes X-Forwarded-For from the configured proxies only; with none configured, adds nothing.</summary>
    public static void UseClientAddress(this WebApplication app)
    {
        var proxies = KnownProxies(app.Configuration);
        if (proxies.Count == 0)
        {
            return;
        }
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor };
        // The framework trusts loopback by default; only what the operator named is trusted here.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }
        options.ForwardLimit = null;
        app.UseForwardedHeaders(options);
    }
}
