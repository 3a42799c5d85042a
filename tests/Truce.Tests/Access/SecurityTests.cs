using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Access;

public sealed class SecurityTests
{
    [Fact]
    public async Task A_read_only_token_reads_but_cannot_write_and_a_revoked_or_expired_token_is_refused()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        string readOnly, revoked, expiring;
        await using (var db = app.Store.Open())
        {
            readOnly = (await Users.CreateTokenAsync(db, "monitor1", TimeSpan.FromDays(1), TokenScope.Read)).Value.Secret;
            var toRevoke = await Users.CreateTokenAsync(db, "monitor1", TimeSpan.FromDays(1));
            revoked = toRevoke.Value.Secret;
            Assert.True((await Users.RevokeTokenAsync(db, toRevoke.Value.Token.Id)).Succeeded);
            expiring = (await Users.CreateTokenAsync(db, "monitor1", TimeSpan.FromHours(1))).Value.Secret;
        }
        HttpClient With(string token)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", Json.Observation())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await With(readOnly).GetAsync("/api/observations")).StatusCode);
        var write = await With(readOnly).PostAsync("/api/observations", Json.Observation());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("read-only", (await Json.ReadAsync(write)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await With(revoked).PostAsync("/api/observations", Json.Observation())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await With(expiring).PostAsync("/api/observations", Json.Observation())).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await With(expiring).PostAsync("/api/observations", Json.Observation())).StatusCode);
    }

    [Fact]
    public async Task Tokens_are_listed_without_secrets_and_revoked_from_the_command_line()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = await app.ClientAsync("monitor1", Role.Monitor);
        var db = app.Location.ConnectionString;

        var list = await Cli.Cli.RunAsync("token", "list", "--db", db);
        var id = list.Output.Split('\n')[1].Split('\t')[0];
        var secret = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var revoke = await Cli.Cli.RunAsync("token", "revoke", id, "--db", db);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("monitor1", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/journal")).StatusCode);
        Assert.Equal(3, (await Cli.Cli.RunAsync("token", "revoke", Guid.NewGuid().ToString(), "--db", db)).ExitCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:SignInsPerMinute"] = "0" });
        var password = Users.NewPassword();
        await using (var db = app.Store.Open())
        {
            await Users.AddAsync(db, "analyst1", Role.Analyst, null, password);
        }
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        async Task<HttpStatusCode> SignIn(string secret) => (await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Forms.TokenAsync(client, "/login"), ["name"] = "analyst1", ["password"] = secret,
        }))).StatusCode;

        for (var i = 0; i < Users.MaxFailedSignIns; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignIn("wrong"));
        }
        var whileLocked = await SignIn(password);
        app.Clock.Advance(Users.Lockout + TimeSpan.FromSeconds(1));
        var afterwards = await SignIn(password);

        Assert.Equal(HttpStatusCode.Unauthorized, whileLocked);
        Assert.Equal(HttpStatusCode.Redirect, afterwards);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_with_a_problem_and_retry_after()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:SignInsPerMinute"] = "3" });
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await Forms.TokenAsync(client, "/login"), ["name"] = "nobody", ["password"] = "guess" + i,
            }));
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter is not null);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Disabling_a_user_ends_its_sessions_and_tokens_within_the_cache_bound()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var api = await app.ClientAsync("monitor1", Role.Monitor);
        var browser = await app.SignInAsync("monitor2", Role.Monitor);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/observations/new")).StatusCode);
        await using (var db = app.Store.Open())
        {
            Assert.True((await Users.SetDisabledAsync(db, "monitor1", true)).Succeeded);
            Assert.True((await Users.SetDisabledAsync(db, "monitor2", true)).Succeeded);
        }
        // What a running server remembers of a token or a session lasts at most this long (AuthenticationCacheTests).
        app.Clock.Advance(Truce.Web.ViewerCache.Bound);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/api/observations", Json.Observation())).StatusCode);
        var page = await browser.GetAsync("/observations/new");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_sees_published_positions_coarsened_and_no_source()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var body = Json.Observation();
        body["visibility"] = "public";
        body["latitude"] = 39.81234;
        body["longitude"] = 46.75321;
        body["locationPrecisionM"] = 20;
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", body)).StatusCode);

        var staff = await Json.ReadAsync(await analyst.GetAsync($"/api/observations/{body["id"]}"));
        var seen = await Json.ReadAsync(await app.CreateClient().GetAsync($"/api/observations/{body["id"]}"));

        Assert.Equal(39.81234, staff.GetProperty("latitude").GetDouble());
        Assert.Equal("Patrol A-1", staff.GetProperty("source").GetString());
        Assert.Equal(5000, seen.GetProperty("locationPrecisionM").GetInt32());
        Assert.NotEqual(39.81234, seen.GetProperty("latitude").GetDouble());
        Assert.InRange(Truce.Geo.GeoMath.DistanceM(39.81234, 46.75321, seen.GetProperty("latitude").GetDouble(), seen.GetProperty("longitude").GetDouble()), 1, 5000);
        Assert.Equal("withheld", seen.GetProperty("source").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("observerLatitude").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_near_query_by_the_public_shows_positions_coarsened_and_no_source_as_the_plain_list_does(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var body = Json.Observation();
        body["visibility"] = "public";
        body["latitude"] = 39.81234;
        body["longitude"] = 46.75321;
        body["locationPrecisionM"] = 20;
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", body)).StatusCode);

        var near = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/observations?near=39.8123,46.7532&radius_km=1"));
        var item = Assert.Single(near.GetProperty("items").EnumerateArray());

        Assert.Equal(5000, item.GetProperty("locationPrecisionM").GetInt32());
        Assert.NotEqual(39.81234, item.GetProperty("latitude").GetDouble());
        Assert.InRange(Truce.Geo.GeoMath.DistanceM(39.81234, 46.75321, item.GetProperty("latitude").GetDouble(), item.GetProperty("longitude").GetDouble()), 1, 5000);
        Assert.Equal("withheld", item.GetProperty("source").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_shrinking_near_query_cannot_find_where_a_published_report_really_was(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var body = Json.Observation();
        body["visibility"] = "public";
        body["latitude"] = 39.81234;
        body["longitude"] = 46.75321;
        body["locationPrecisionM"] = 20;
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", body)).StatusCode);
        var shown = await Json.ReadAsync(await app.CreateClient().GetAsync($"/api/observations/{body["id"]}"));
        var (shownLat, shownLon) = (shown.GetProperty("latitude").GetDouble(), shown.GetProperty("longitude").GetDouble());
        Assert.True(Truce.Geo.GeoMath.DistanceM(39.81234, 46.75321, shownLat, shownLon) > 200, "the test needs the shown position away from the real one");

        async Task<int> PublicNear(double lat, double lon) => (await Json.ReadAsync(await app.CreateClient().GetAsync(
            FormattableString.Invariant($"/api/observations?near={lat},{lon}&radius_km=0.1")))).GetProperty("total").GetInt32();

        Assert.Equal(0, await PublicNear(39.81234, 46.75321));
        Assert.Equal(1, await PublicNear(shownLat, shownLon));
        var staff = await Json.ReadAsync(await analyst.GetAsync("/api/observations?near=39.81234,46.75321&radius_km=0.1"));
        Assert.Equal(1, staff.GetProperty("total").GetInt32());
    }

    public static TheoryData<Engine, string, string> RecordTampering()
    {
        var data = new TheoryData<Engine, string, string>();
        foreach (var engine in new[] { Engine.Sqlite, Engine.Postgres })
        {
            data.Add(engine, "UPDATE observations SET count = 99 WHERE count = 2", "changed outside Truce");
            data.Add(engine, "UPDATE parties SET name = 'Someone else' WHERE id = 'west'", "record parties/west");
            data.Add(engine, "DELETE FROM parties WHERE id = 'east'", "record parties/east: the journal holds it but the table does not");
            data.Add(engine, "INSERT INTO parties (id, name, kind) VALUES ('north', 'North', 'signatory')", "record parties/north: no journal entry");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RecordTampering))]
    public async Task Verify_names_a_record_changed_deleted_or_inserted_directly_in_the_database(Engine engine, string sql, string named)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        await using (var db = app.Store.Open())
        {
            db.Parties.AddRange(new Truce.Mission.Party { Id = "west", Name = "West", Kind = Truce.Mission.PartyKind.Signatory },
                new Truce.Mission.Party { Id = "east", Name = "East", Kind = Truce.Mission.PartyKind.Signatory });
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", Json.Observation())).StatusCode);
        var clean = await Cli.Cli.RunAsync("verify", "--db", app.Location.ConnectionString);

        await using (var db = app.Store.Open())
        {
            Assert.True(await db.Database.ExecuteSqlRawAsync(sql) > 0);
        }
        var tampered = await Cli.Cli.RunAsync("verify", "--db", app.Location.ConnectionString);

        Assert.Equal(0, clean.ExitCode);
        Assert.Equal(4, tampered.ExitCode);
        Assert.Contains(named, tampered.Error, StringComparison.Ordinal);
    }
}
