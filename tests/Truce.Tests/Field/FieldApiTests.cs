using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Field;

/// <summary>What the field client relies on: a session for the patrol, and evidence sent in resumable parts.</summary>
public sealed class FieldApiTests
{
    private static async Task<string> AddUserAsync(TruceApp app, string name, Role role)
    {
        var password = Users.NewPassword();
        await using var db = app.Store.Open();
        Assert.True((await Users.AddAsync(db, name, role, null, password)).Succeeded);
        return password;
    }

    private static HttpClient Bearer(TruceApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_field_session_lasts_the_patrol_sends_as_its_monitor_and_ends_from_the_device_or_by_the_mission()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var password = await AddUserAsync(app, "patrol.a", Role.Monitor);
        var anonymous = app.CreateClient();

        using var started = await anonymous.PostAsync("/api/field/sessions", new { name = "patrol.a", password, hours = 10, device = "tablet 3" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var session = await Json.ReadAsync(started);
        Assert.Equal("patrol.a", session.GetProperty("name").GetString());
        Assert.Equal(app.Clock.GetUtcNow().AddHours(10), session.GetProperty("expiresAt").GetDateTimeOffset());
        var device = Bearer(app, session.GetProperty("token").GetString()!);
        using var report = await device.PostAsync("/api/observations", Json.Observation());
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        await using (var db = app.Store.Open())
        {
            var monitor = await db.Users.SingleAsync(u => u.Name == "patrol.a");
            Assert.Equal(monitor.Id, (await db.Observations.SingleAsync()).ReporterId);
            Assert.Equal("field session on tablet 3", (await db.ApiTokens.SingleAsync()).Name);
        }

        using var ended = await device.DeleteAsync("/api/field/sessions/current");
        using var afterwards = await device.PostAsync("/api/observations", Json.Observation());
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);

        // The mission revokes a session like any token; an expired one stops too.
        using var second = await anonymous.PostAsync("/api/field/sessions", new { name = "patrol.a", password });
        var revoked = Bearer(app, (await Json.ReadAsync(second)).GetProperty("token").GetString()!);
        await using (var db = app.Store.Open())
        {
            var id = (await db.ApiTokens.Where(t => t.RevokedAt == null).SingleAsync()).Id;
            Assert.True((await Users.RevokeTokenAsync(db, id)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.PostAsync("/api/observations", Json.Observation())).StatusCode);
        using var third = await anonymous.PostAsync("/api/field/sessions", new { name = "patrol.a", password, hours = 1 });
        var expiring = Bearer(app, (await Json.ReadAsync(third)).GetProperty("token").GetString()!);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expiring.PostAsync("/api/observations", Json.Observation())).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_a_patrol_too_long_or_a_role_that_may_not_report_starts_no_session()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var password = await AddUserAsync(app, "patrol.b", Role.Monitor);
        var partner = await AddUserAsync(app, "partner.b", Role.Humanitarian);
        var anonymous = app.CreateClient();

        using var wrong = await anonymous.PostAsync("/api/field/sessions", new { name = "patrol.b", password = "not the password" });
        using var tooLong = await anonymous.PostAsync("/api/field/sessions", new { name = "patrol.b", password, hours = 100 });
        using var reader = await anonymous.PostAsync("/api/field/sessions", new { name = "partner.b", password = partner });
        using var noToken = await anonymous.DeleteAsync("/api/field/sessions/current");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(["password"], await Json.ProblemFieldsAsync(wrong));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(["hours"], await Json.ProblemFieldsAsync(tooLong));
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        await using var db = app.Store.Open();
        Assert.Equal(0, await db.ApiTokens.CountAsync());
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid observation, string sha, byte[] file, long from, long to, long? total = null)
    {
        var content = new ByteArrayContent(file[(int)from..(int)(to + 1)]);
        content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, total ?? file.Length);
        return await client.PutAsync($"/api/observations/{observation}/evidence/{sha}?name=crater.jpg&type=image/jpeg", content);
    }

    private static string Offset(HttpResponseMessage response) => response.Headers.GetValues("Upload-Offset").Single();

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Evidence_sent_in_parts_resumes_where_the_server_got_to_and_is_attached_once_whole_and_checked(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("patrol.c", Role.Monitor);
        var body = Json.Observation();
        await monitor.PostAsync("/api/observations", body);
        var id = (Guid)body["id"]!;
        var photo = RandomNumberGenerator.GetBytes(600_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(photo));

        using var first = await PutAsync(monitor, id, sha, photo, 0, 262_143);
        // The answer to the second part was lost and it is sent again; a part from the wrong place is not written.
        using var second = await PutAsync(monitor, id, sha, photo, 262_144, 524_287);
        using var again = await PutAsync(monitor, id, sha, photo, 262_144, 524_287);
        using var ahead = await PutAsync(monitor, id, sha, photo, 550_000, 599_999);
        await using (var db = app.Store.Open())
        {
            Assert.Equal(0, await db.ObservationEvidence.CountAsync());
        }
        using var last = await PutAsync(monitor, id, sha, photo, 524_288, 599_999);
        using var held = await PutAsync(monitor, id, sha, photo, 0, 9);

        Assert.Equal((HttpStatusCode.Accepted, "262144"), (first.StatusCode, Offset(first)));
        Assert.Equal((HttpStatusCode.Accepted, "524288"), (second.StatusCode, Offset(second)));
        Assert.Equal((HttpStatusCode.Accepted, "524288"), (again.StatusCode, Offset(again)));
        Assert.Equal((HttpStatusCode.Accepted, "524288"), (ahead.StatusCode, Offset(ahead)));
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var cited = await Json.ReadAsync(last);
        Assert.Equal(("crater.jpg", "image/jpeg", 600_000L), (cited.GetProperty("fileName").GetString(), cited.GetProperty("contentType").GetString(), cited.GetProperty("length").GetInt64()));
        Assert.Equal(photo, await monitor.GetByteArrayAsync($"/api/observations/{id}/evidence/{sha}"));
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataFolder, "uploads")));
    }

    [Fact]
    public async Task A_part_upload_whose_bytes_do_not_match_its_address_or_limits_is_refused_and_nothing_is_attached()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["Evidence:MaxBytes"] = "100000" });
        var monitor = await app.ClientAsync("patrol.d", Role.Monitor);
        var other = await app.ClientAsync("liaison.d", Role.Analyst);
        var body = Json.Observation();
        await monitor.PostAsync("/api/observations", body);
        var id = (Guid)body["id"]!;
        var file = RandomNumberGenerator.GetBytes(50_000);
        var wrongSha = Convert.ToHexStringLower(SHA256.HashData(file[1..]));

        using var mismatch = await PutAsync(monitor, id, wrongSha, file, 0, file.Length - 1);
        using var tooLarge = await PutAsync(monitor, id, wrongSha, file, 0, 9, total: 100_001);
        using var notHex = await PutAsync(monitor, id, "photo.jpg", file, 0, 9);
        using var unknown = await PutAsync(monitor, Guid.NewGuid(), wrongSha, file, 0, 9);
        using var noRange = await monitor.PutAsync($"/api/observations/{id}/evidence/{wrongSha}", new ByteArrayContent(file));
        var shortBody = new ByteArrayContent(file[..5]);
        shortBody.Headers.ContentRange = new ContentRangeHeaderValue(0, 9, file.Length);
        using var shorter = await monitor.PutAsync($"/api/observations/{id}/evidence/{wrongSha}", shortBody);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Equal(["sha256"], await Json.ProblemFieldsAsync(mismatch));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notHex.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noRange.StatusCode);
        Assert.Equal(["Content-Range"], await Json.ProblemFieldsAsync(noRange));
        Assert.Equal(HttpStatusCode.BadRequest, shorter.StatusCode);
        // Each user's parts are their own: another user starts from the beginning.
        using var fresh = await PutAsync(other, id, wrongSha, file, 0, 9);
        Assert.Equal("10", Offset(fresh));
        await using var db = app.Store.Open();
        Assert.Equal(0, await db.ObservationEvidence.CountAsync());
        Assert.Equal(0, await db.EvidenceFiles.CountAsync());
    }

    [Fact]
    public async Task An_upload_left_unfinished_longer_than_the_setting_is_swept_on_the_app_clock_and_a_fresh_one_is_kept()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["Field:AbandonedPartHours"] = "48" });
        var monitor = await app.ClientAsync("patrol.s", Role.Monitor);
        var body = Json.Observation();
        await monitor.PostAsync("/api/observations", body);
        var id = (Guid)body["id"]!;
        var abandoned = RandomNumberGenerator.GetBytes(20_000);
        var fresh = RandomNumberGenerator.GetBytes(20_000);
        using var first = await PutAsync(monitor, id, Convert.ToHexStringLower(SHA256.HashData(abandoned)), abandoned, 0, 9_999);
        using var second = await PutAsync(monitor, id, Convert.ToHexStringLower(SHA256.HashData(fresh)), fresh, 0, 9_999);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var parts = Path.Combine(app.DataFolder, "uploads");
        var abandonedPart = Directory.GetFiles(parts).Single(f => f.Contains(Convert.ToHexStringLower(SHA256.HashData(abandoned)), StringComparison.Ordinal));
        var freshPart = Directory.GetFiles(parts).Single(f => f != abandonedPart);
        // On the app's clock: one part last written 47 h 30 min ago, the other an hour ago.
        var now = app.Clock.GetUtcNow();
        File.SetLastWriteTimeUtc(abandonedPart, now.AddHours(-47.5).UtcDateTime);
        File.SetLastWriteTimeUtc(freshPart, now.AddHours(-1).UtcDateTime);

        // An hour on: the first is 48 h 30 min old and goes at the sweep; the second, 2 h old, stays.
        app.Clock.Advance(TimeSpan.FromHours(1));
        var until = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(abandonedPart) && DateTime.UtcNow < until)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.False(File.Exists(abandonedPart), "the part untouched for more than 48 hours was removed");
        Assert.True(File.Exists(freshPart), "the part written an hour before is kept");
        // Its upload goes on where it stopped; the abandoned one starts again from the beginning.
        using var resumed = await PutAsync(monitor, id, Convert.ToHexStringLower(SHA256.HashData(fresh)), fresh, 10_000, 19_999);
        using var restarted = await PutAsync(monitor, id, Convert.ToHexStringLower(SHA256.HashData(abandoned)), abandoned, 10_000, 19_999);
        Assert.Equal(HttpStatusCode.Created, resumed.StatusCode);
        Assert.Equal((HttpStatusCode.Accepted, "0"), (restarted.StatusCode, Offset(restarted)));
    }

    [Fact]
    public async Task A_part_sent_with_a_browser_cookie_needs_the_antiforgery_token_as_the_multipart_upload_does()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var browser = await app.SignInAsync("patrol.f", Role.Monitor);
        var body = Json.Observation();
        Assert.Equal(HttpStatusCode.Created, (await browser.PostAsync("/api/observations", body)).StatusCode);
        var id = (Guid)body["id"]!;
        var file = RandomNumberGenerator.GetBytes(1_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));

        using var forged = await PutAsync(browser, id, sha, file, 0, 999);
        var token = await Forms.TokenAsync(browser, "/observations/new");
        var genuine = new ByteArrayContent(file);
        genuine.Headers.ContentRange = new ContentRangeHeaderValue(0, 999, 1_000);
        genuine.Headers.Add("RequestVerificationToken", token);
        using var sent = await browser.PutAsync($"/api/observations/{id}/evidence/{sha}?name=a.jpg", genuine);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(["__RequestVerificationToken"], await Json.ProblemFieldsAsync(forged));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        await using var db = app.Store.Open();
        Assert.Equal(1, await db.ObservationEvidence.CountAsync());
    }

    [Fact]
    public async Task The_device_clock_is_kept_beside_the_receipt_and_a_skew_over_the_setting_shows_on_the_observation()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["Field:ClockSkewMinutes"] = "10" });
        var monitor = await app.ClientAsync("patrol.e", Role.Monitor);
        var analyst = await app.SignInAsync("analyst.e", Role.Analyst);
        var now = app.Clock.GetUtcNow();
        var slow = Json.Observation();
        slow["deviceTime"] = now.AddMinutes(-42).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var fine = Json.Observation();
        fine["deviceTime"] = now.AddMinutes(3).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        using var first = await monitor.PostAsync("/api/observations", slow);
        // A retry sends the clock of its own moment: still the same report.
        slow["deviceTime"] = now.AddMinutes(-40).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var retry = await monitor.PostAsync("/api/observations", slow);
        using var other = await monitor.PostAsync("/api/observations", fine);
        var bad = Json.Observation();
        bad["deviceTime"] = "yesterday";
        using var refused = await monitor.PostAsync("/api/observations", bad);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(["deviceTime"], await Json.ProblemFieldsAsync(refused));
        await using (var db = app.Store.Open())
        {
            var stored = await db.Observations.SingleAsync(o => o.Id == (Guid)slow["id"]!);
            Assert.Equal((now.AddMinutes(-42), now), (stored.DeviceTime, stored.ReceivedAt));
        }
        var slowPage = await analyst.GetStringAsync($"/observations/{slow["id"]}");
        var finePage = await analyst.GetStringAsync($"/observations/{fine["id"]}");
        Assert.Contains("clock differed from the server&#x27;s by 42 min", slowPage, StringComparison.Ordinal);
        Assert.DoesNotContain("clock-skew", finePage, StringComparison.Ordinal);
    }
}
