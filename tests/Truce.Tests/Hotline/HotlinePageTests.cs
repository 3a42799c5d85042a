using System.Net;
using System.Text.RegularExpressions;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.Hotline;

/// <summary>The hotline's pages as a browser uses them: forms with antiforgery tokens, redirects, the dashboard's "awaiting you".</summary>
public sealed partial class HotlinePageTests
{
    private static async Task<TruceApp> StartAsync()
    {
        var app = await TruceApp.StartAsync(Engine.Sqlite);
        await using var db = app.Store.Open();
        db.Parties.AddRange(new Party { Id = "west", Name = "West" }, new Party { Id = "east", Name = "East" });
        await db.SaveChangesAsync();
        return app;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Forms.TokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task One_side_sends_a_protest_the_other_sees_it_awaiting_and_acknowledges_it()
    {
        await using var app = await StartAsync();
        var west = await app.SignInAsync("west1", Role.Liaison, "west");
        var east = await app.SignInAsync("east1", Role.Liaison, "east");

        var sent = await PostFormAsync(west, "/hotline", "/hotline", new()
        {
            ["id"] = Guid.NewGuid().ToString(), ["to"] = "east", ["subject"] = "Fire near CP-4", ["kind"] = "protest", ["body"] = "Shots at 06:40.",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thread = sent.Headers.Location!.OriginalString;

        var dashboard = await east.GetStringAsync("/");
        Assert.Contains("Awaiting you", dashboard, StringComparison.Ordinal);
        Assert.Contains(thread, dashboard, StringComparison.Ordinal);
        var page = await east.GetStringAsync(thread);
        var messageId = MessageId().Match(page).Groups[1].Value;
        var acknowledged = await PostFormAsync(east, thread, $"{thread}/acknowledgements", new() { ["messageId"] = messageId });

        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        var seenByWest = await west.GetStringAsync(thread);
        Assert.Contains("Acknowledged by east1", seenByWest, StringComparison.Ordinal);
        Assert.Contains("Read", seenByWest, StringComparison.Ordinal);
        Assert.DoesNotContain("Awaiting you", await east.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_a_body_is_shown_again_naming_the_field()
    {
        await using var app = await StartAsync();
        var west = await app.SignInAsync("west1", Role.Liaison, "west");

        var refused = await PostFormAsync(west, "/hotline", "/hotline", new()
        {
            ["id"] = Guid.NewGuid().ToString(), ["to"] = "east", ["subject"] = "Rotation", ["kind"] = "notice", ["body"] = "",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("<code>body</code>", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_is_sent_to_sign_in_and_a_partner_is_refused()
    {
        await using var app = await StartAsync();
        var partner = await app.SignInAsync("partner1", Role.Humanitarian);
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/hotline")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/hotline")).StatusCode);
        Assert.DoesNotContain("href=\"/hotline\"", await partner.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"messageId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex MessageId();
}
