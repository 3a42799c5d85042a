using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;
using Truce.Web;
using Truce.Webhooks;

namespace Truce.Tests.Webhooks;

/// <summary>
/// Webhooks end to end: a party's subscription made through the API, a hotline message, and the sender delivering it to
/// a real HTTP receiver that refuses twice before it accepts; the signature checked by an HMAC computed here.
/// </summary>
public sealed class WebhookDeliveryTests
{
    /// <summary>The background sender waits a day between rounds, so that only the test's own rounds send.</summary>
    private static readonly Dictionary<string, string?> Quiet = new() { ["Webhooks:PollSeconds"] = "86400" };

    private static async Task<TruceApp> StartAsync(Engine engine)
    {
        var app = await TruceApp.StartAsync(engine, settings: Quiet);
        await using var db = app.Store.Open();
        db.Parties.AddRange(new Party { Id = "west", Name = "West" }, new Party { Id = "east", Name = "East" }, new Party { Id = "north", Name = "North" });
        await db.SaveChangesAsync();
        return app;
    }

    private static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient client, string url, params string[] events)
    {
        var response = await client.PostAsync("/api/webhooks", new { id = Guid.NewGuid(), url, events });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json.ReadAsync(response);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_hotline_message_reaches_its_partys_system_signed_after_two_refusals_and_never_a_third_partys(Engine engine)
    {
        await using var app = await StartAsync(engine);
        await using var receiver = await HookReceiver.StartAsync(failFirst: 2);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var north = await app.ClientAsync("north1", Role.Liaison, "north");
        var (westHook, secret) = await SubscribeAsync(west, receiver.BaseUrl + "/west", "hotline.message");
        await SubscribeAsync(north, receiver.BaseUrl + "/north", "hotline.message");
        var sender = app.Services.GetRequiredService<WebhookSender>();

        var started = await west.PostAsync("/api/hotline", new { id = Guid.NewGuid(), to = "east", subject = "Crossing", kind = "notice", body = "Convoy at 09:00." });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        Assert.Equal(0, await sender.RunOnceAsync());
        // Not due again before the first retry's wait (30 s by default).
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await sender.RunOnceAsync());
        Assert.Single(receiver.Requests);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await sender.RunOnceAsync());
        // The second wait is twice the first.
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await sender.RunOnceAsync());
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await sender.RunOnceAsync());

        var requests = receiver.Requests.ToList();
        Assert.Equal([500, 500, 204], requests.Select(r => r.Answered));
        Assert.All(requests, r => Assert.Equal("west", r.Name));
        Assert.Single(requests.Select(r => r.Id).Distinct());
        foreach (var request in requests)
        {
            // Standard Webhooks: HMAC-SHA256 keyed with the secret's bytes over "id.timestamp.body", base64, after "v1,".
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{request.Id}.{request.Timestamp}.{request.Body}"));
            Assert.Equal("v1," + Convert.ToBase64String(mac), request.Signature);
        }
        Assert.Equal(app.Clock.GetUtcNow().AddHours(-2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), requests[^1].Timestamp);
        using var payload = JsonDocument.Parse(requests[^1].Body);
        Assert.Equal("hotline.message", payload.RootElement.GetProperty("type").GetString());
        Assert.Equal("Convoy at 09:00.", payload.RootElement.GetProperty("data").GetProperty("message").GetProperty("body").GetString());
        Assert.Equal("Crossing", payload.RootElement.GetProperty("data").GetProperty("thread").GetProperty("subject").GetString());

        var deliveries = await Json.ReadAsync(await west.GetAsync($"/api/webhooks/{westHook}/deliveries"));
        var delivery = Assert.Single(deliveries.EnumerateArray());
        Assert.Equal("delivered", delivery.GetProperty("state").GetString());
        Assert.Equal([500, 500, 204], delivery.GetProperty("tries").EnumerateArray().Select(t => t.GetProperty("status").GetInt32()));
        await using var db = app.Store.Open();
        Assert.Equal(1, await db.Set<WebhookDelivery>().CountAsync());
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_refused_message_enqueues_nothing_and_a_delivery_is_given_up_after_its_last_attempt(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine, settings: new Dictionary<string, string?>(Quiet) { ["Webhooks:MaxAttempts"] = "2" });
        await using (var db = app.Store.Open())
        {
            db.Parties.AddRange(new Party { Id = "west", Name = "West" }, new Party { Id = "east", Name = "East" });
            await db.SaveChangesAsync();
        }
        await using var receiver = await HookReceiver.StartAsync(failFirst: 5);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var (hook, _) = await SubscribeAsync(west, receiver.BaseUrl + "/west", "hotline.message", "report.published");
        var sender = app.Services.GetRequiredService<WebhookSender>();

        var refused = await west.PostAsync("/api/hotline", new { id = Guid.NewGuid(), to = "east", subject = "", kind = "notice", body = "No subject." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        await using (var db = app.Store.Open())
        {
            Assert.Equal(0, await db.Set<WebhookDelivery>().CountAsync());
        }

        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/hotline", new { id = Guid.NewGuid(), to = "east", subject = "S", kind = "notice", body = "B" })).StatusCode);
        await sender.RunOnceAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await sender.RunOnceAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await sender.RunOnceAsync();

        Assert.Equal(2, receiver.Requests.Count);
        var delivery = Assert.Single((await Json.ReadAsync(await west.GetAsync($"/api/webhooks/{hook}/deliveries"))).EnumerateArray());
        Assert.Equal("dead", delivery.GetProperty("state").GetString());
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_subscription_is_refused_naming_its_field_and_a_liaison_cannot_subscribe_for_another_party()
    {
        await using var app = await StartAsync(Engine.Sqlite);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var admin = await app.ClientAsync("admin1", Role.Administrator);

        async Task<string[]> FieldsAsync(HttpClient client, object body)
        {
            var response = await client.PostAsync("/api/webhooks", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return await Json.ProblemFieldsAsync(response);
        }

        Assert.Equal(["url"], await FieldsAsync(west, new { id = Guid.NewGuid(), url = "ftp://example.org/x", events = new[] { "hotline.message" } }));
        Assert.Equal(["events"], await FieldsAsync(west, new { id = Guid.NewGuid(), url = "https://example.org/x", events = new[] { "hotline.sneeze" } }));
        Assert.Equal(["party"], await FieldsAsync(west, new { id = Guid.NewGuid(), url = "https://example.org/x", events = new[] { "hotline.message" }, party = "east" }));
        // The mission's subscriptions carry the public reports only: a thread is never the mission's to pass on.
        Assert.Equal(["events"], await FieldsAsync(admin, new { id = Guid.NewGuid(), url = "https://example.org/x", events = new[] { "hotline.message" } }));

        var listed = await Json.ReadAsync(await west.GetAsync("/api/webhooks"));
        Assert.Equal(0, listed.GetArrayLength());
    }
}
