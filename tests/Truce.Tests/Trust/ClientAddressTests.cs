using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Truce.Storage;
using Truce.Web;

namespace Truce.Tests.Trust;

/// <summary>
/// The client address that sign-in limits and lockouts count by: the connection's peer, or X-Forwarded-For only
/// from a proxy the operator named (ForwardedHeaders:KnownProxies). Otherwise any client could name itself anew on
/// every attempt and never reach a limit.
/// </summary>
public sealed class ClientAddressTests
{
    private const string Proxy = "192.0.2.10";

    [Fact]
    public async Task Without_known_proxies_a_forwarded_address_does_not_escape_the_sign_in_limit()
    {
        await using var app = await StartAsync(proxies: null);

        var answers = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            answers.Add(await SignInAsync(app, Proxy, $"198.51.100.{i}"));
        }

        Assert.NotEqual(StatusCodes.Status429TooManyRequests, answers[1]);
        Assert.Equal(StatusCodes.Status429TooManyRequests, answers[2]);
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_is_counted_on_its_own()
    {
        await using var app = await StartAsync(proxies: Proxy);

        var distinct = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            distinct.Add(await SignInAsync(app, Proxy, $"198.51.100.{i}"));
        }
        var same = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            same.Add(await SignInAsync(app, Proxy, "203.0.113.50"));
        }
        var notAProxy = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            notAProxy.Add(await SignInAsync(app, "192.0.2.99", $"203.0.113.{i}"));
        }

        Assert.DoesNotContain(StatusCodes.Status429TooManyRequests, distinct);
        Assert.Equal(StatusCodes.Status429TooManyRequests, same[2]);
        Assert.Equal(StatusCodes.Status429TooManyRequests, notAProxy[2]);
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_is_refused_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ClientAddress.KnownProxiesKey] = "192.0.2.10, proxy.example",
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => ClientAddress.KnownProxies(configuration));

        Assert.Contains(ClientAddress.KnownProxiesKey, refused.Message, StringComparison.Ordinal);
        Assert.Contains("proxy.example", refused.Message, StringComparison.Ordinal);
    }

    private static Task<TruceApp> StartAsync(string? proxies)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:SignInsPerMinute"] = "2" };
        if (proxies is not null)
        {
            settings[ClientAddress.KnownProxiesKey] = proxies;
        }
        return TruceApp.StartAsync(Engine.Sqlite, settings: settings);
    }

    /// <summary>A sign-in form post from the given peer, naming a forwarded client; the answer's status.</summary>
    private static async Task<int> SignInAsync(TruceApp app, string peer, string forwardedFor)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/login";
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream("name=nobody&password=guess"u8.ToArray());
        });
        return context.Response.StatusCode;
    }
}
