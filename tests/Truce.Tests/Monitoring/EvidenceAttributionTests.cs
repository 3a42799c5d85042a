using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.Monitoring;

/// <summary>
/// Issue 7, item 8: only the reporter's side and the mission attach evidence; every citation says who attached it and
/// keeps its own name; uploads are limited per user; a cookie-signed upload needs the antiforgery token.
/// </summary>
public sealed class EvidenceAttributionTests
{
    private static MultipartFormDataContent File(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", name);
        return form;
    }

    private static async Task AddPartiesAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Parties.AddRange(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory }, new Party { Id = "east", Name = "East", Kind = PartyKind.Signatory });
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Only_the_reporters_side_and_the_mission_attach_evidence_and_each_citation_names_who_attached_it(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await AddPartiesAsync(app);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var westColleague = await app.ClientAsync("west2", Role.Liaison, "west");
        var east = await app.ClientAsync("east1", Role.Liaison, "east");
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var report = Json.Observation();
        report["visibility"] = "parties";
        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/observations", report)).StatusCode);
        var path = $"/api/observations/{report["id"]}/evidence";

        using var byEast = await east.PostAsync(path, File([1, 2, 3], "east.jpg"));
        using var byColleague = await westColleague.PostAsync(path, File([4, 5, 6], "west.jpg"));
        using var byMonitor = await monitor.PostAsync(path, File([7, 8, 9], "patrol.jpg"));

        Assert.Equal(HttpStatusCode.Forbidden, byEast.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byMonitor.StatusCode);
        await using var db = app.Store.Open();
        var citations = await db.ObservationEvidence.AsNoTracking().ToListAsync();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);
        Assert.Equal(["monitor1", "west2"], citations.Select(c => users[c.AttachedById]).Order(StringComparer.Ordinal));
        Assert.All(citations, c => Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, c.AttachedAt.UtcDateTime, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_second_uploader_of_the_same_bytes_sees_and_downloads_its_own_name_never_the_first()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await AddPartiesAsync(app);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var east = await app.ClientAsync("east1", Role.Liaison, "east");
        var westReport = Json.Observation();
        var eastReport = Json.Observation();
        await west.PostAsync("/api/observations", westReport);
        await east.PostAsync("/api/observations", eastReport);
        var photo = RandomNumberGenerator.GetBytes(1000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(photo));
        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync($"/api/observations/{westReport["id"]}/evidence", File(photo, "west-battery-position-7.jpg"))).StatusCode);

        using var attached = await east.PostAsync($"/api/observations/{eastReport["id"]}/evidence", File(photo, "crater.jpg"));
        using var download = await east.GetAsync($"/api/observations/{eastReport["id"]}/evidence/{sha}");
        var shown = await east.GetStringAsync($"/api/observations/{eastReport["id"]}");

        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        Assert.Equal("crater.jpg", (await Json.ReadAsync(attached)).GetProperty("fileName").GetString());
        Assert.Equal("crater.jpg", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        foreach (var text in new[] { await attached.Content.ReadAsStringAsync(), shown, download.Content.Headers.ContentDisposition?.ToString() ?? "" })
        {
            Assert.DoesNotContain("west-battery", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Uploads_are_limited_per_user_in_number_and_in_bytes()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?>
        {
            ["RateLimits:EvidencePerMinute"] = "3", ["Evidence:MaxBytesPerUserPerDay"] = "2500",
        });
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var other = await app.ClientAsync("monitor2", Role.Monitor);
        var report = Json.Observation();
        await monitor.PostAsync("/api/observations", report);
        var path = $"/api/observations/{report["id"]}/evidence";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var answer = await monitor.PostAsync(path, File(RandomNumberGenerator.GetBytes(1000), $"f{i}.jpg"));
            statuses.Add(answer.StatusCode);
        }
        using var fromOther = await other.PostAsync(path, File(RandomNumberGenerator.GetBytes(1000), "other.jpg"));

        // The third file would take monitor1 past 2500 bytes in a day; the fourth is past 3 a minute.
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Created, fromOther.StatusCode);
        await using var db = app.Store.Open();
        Assert.Equal(3, await db.ObservationEvidence.CountAsync());
    }

    [Fact]
    public async Task A_cookie_signed_upload_needs_the_antiforgery_token_a_bearer_one_does_not()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var browser = await app.SignInAsync("monitor1", Role.Monitor);
        var report = Json.Observation();
        Assert.Equal(HttpStatusCode.Created, (await browser.PostAsync("/api/observations", report)).StatusCode);
        var path = $"/api/observations/{report["id"]}/evidence";

        using var forged = await browser.PostAsync(path, File([1, 2, 3], "a.jpg"));
        var token = await Forms.TokenAsync(browser, "/observations/new");
        var withToken = File([4, 5, 6], "b.jpg");
        withToken.Add(new StringContent(token), "__RequestVerificationToken");
        using var genuine = await browser.PostAsync(path, withToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Created, genuine.StatusCode);
        await using var db = app.Store.Open();
        Assert.Equal(1, await db.ObservationEvidence.CountAsync());
    }
}
