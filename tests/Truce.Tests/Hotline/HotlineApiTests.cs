using System.Net;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Hotline;
using Truce.Journal;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.Hotline;

/// <summary>The hotline through its API, with the app's clock driven by the test.</summary>
public sealed class HotlineApiTests
{
    private sealed record Parties(TruceApp App, HttpClient West, HttpClient East, HttpClient North, HttpClient Analyst);

    private static async Task<Parties> StartAsync(Engine engine)
    {
        var app = await TruceApp.StartAsync(engine);
        await using (var db = app.Store.Open())
        {
            db.Parties.AddRange(
                new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory },
                new Party { Id = "east", Name = "East", Kind = PartyKind.Signatory },
                new Party { Id = "north", Name = "North", Kind = PartyKind.LocalAuthority });
            await db.SaveChangesAsync();
        }
        return new Parties(app, await app.ClientAsync("west1", Role.Liaison, "west"), await app.ClientAsync("east1", Role.Liaison, "east"),
            await app.ClientAsync("north1", Role.Liaison, "north"), await app.ClientAsync("analyst1", Role.Analyst));
    }

    private static async Task<(Guid Thread, Guid Message)> ProtestAsync(HttpClient west)
    {
        var id = Guid.NewGuid();
        var created = await west.PostAsync("/api/hotline", new { id, to = "east", subject = "Fire near Khankendi", kind = "protest", body = "Small-arms fire at 06:40 towards our post." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var thread = await Json.ReadAsync(created);
        return (id, thread.GetProperty("messages")[0].GetProperty("id").GetGuid());
    }

    private static async Task<int> EscalationsAsync(TruceApp app, Guid message, int level)
    {
        await using var db = app.Store.Open();
        return await db.Set<HotlineEscalation>().CountAsync(e => e.MessageId == message && e.Level == level);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_lapsed_protest_escalates_once_per_level_until_the_other_side_acknowledges_it(Engine engine)
    {
        var (app, west, east, _, analyst) = await StartAsync(engine);
        await using var _app = app;
        var (thread, message) = await ProtestAsync(west);

        // Before its two hours lapse, the protest awaits East and nobody at the mission.
        Assert.Single((await Json.ReadAsync(await east.GetAsync("/api/hotline/awaiting"))).EnumerateArray());
        Assert.Empty((await Json.ReadAsync(await analyst.GetAsync("/api/hotline/awaiting"))).EnumerateArray());
        app.Clock.Advance(TimeSpan.FromHours(2));
        await Escalations.RecordDueAsync(app.Store, HotlineDeadlines.Default);
        await Escalations.RecordDueAsync(app.Store, HotlineDeadlines.Default);

        var awaiting = (await Json.ReadAsync(await analyst.GetAsync("/api/hotline/awaiting"))).EnumerateArray().Single();
        Assert.Equal(1, awaiting.GetProperty("message").GetProperty("escalationLevel").GetInt32());
        Assert.Equal(1, await EscalationsAsync(app, message, 1));
        Assert.Equal(0, await EscalationsAsync(app, message, 2));

        // Four hours later, again, to the administrators.
        app.Clock.Advance(TimeSpan.FromHours(4));
        await Escalations.RecordDueAsync(app.Store, HotlineDeadlines.Default);
        var seen = await Json.ReadAsync(await west.GetAsync($"/api/hotline/{thread}"));
        Assert.Equal(["analyst", "administrator"], seen.GetProperty("escalations").EnumerateArray().Select(e => e.GetProperty("escalatedTo").GetString()));
        Assert.Equal(2, seen.GetProperty("escalation").GetInt32());

        var acknowledged = await east.PostAsync($"/api/hotline/{thread}/acknowledgements", new { messageId = message });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal("east1", (await Json.ReadAsync(acknowledged)).GetProperty("acknowledgedBy").GetString());
        // Twelve hours on (the test's tokens last a day), no further level.
        app.Clock.Advance(TimeSpan.FromHours(12));
        await Escalations.RecordDueAsync(app.Store, HotlineDeadlines.Default);

        Assert.Equal(0, await EscalationsAsync(app, message, 3));
        Assert.Empty((await Json.ReadAsync(await analyst.GetAsync("/api/hotline/awaiting"))).EnumerateArray());
        await using var db = app.Store.Open();
        Assert.Null((await JournalVerifier.VerifyAsync(db)).Break);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Two_nodes_over_one_store_record_each_escalation_once(Engine engine)
    {
        var (app, west, _, _, _) = await StartAsync(engine);
        await using var _app = app;
        var messages = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            messages.Add((await ProtestAsync(west)).Message);
        }
        app.Clock.Advance(TimeSpan.FromHours(11));
        // Two more nodes, each with its own Store (its own connections and writer gate), on the same database.
        var nodes = Enumerable.Range(0, 2).Select(_ => new Store(app.Location, app.Clock)).ToList();

        await Task.WhenAll(nodes.SelectMany(n => Enumerable.Range(0, 3).Select(_ => Escalations.RecordDueAsync(n, HotlineDeadlines.Default))));

        await using var db = app.Store.Open();
        var recorded = await db.Set<HotlineEscalation>().Where(e => messages.Contains(e.MessageId)).ToListAsync();
        // Lapsed at 2 h, 9 h after the deadline: levels 1, 2 (6 h), 3 (10 h) for each message, each once.
        Assert.Equal(messages.Count * 3, recorded.Count);
        Assert.All(messages, m => Assert.Equal([1, 2, 3], recorded.Where(e => e.MessageId == m).Select(e => e.Level).Order()));
        Assert.Equal(messages.Count * 3, await db.Journal.CountAsync(j => j.Entity == "hotline_escalations"));
    }

    [Fact]
    public async Task The_addressed_side_leaves_a_read_receipt_and_replies_the_sender_does_not()
    {
        var (app, west, east, _, _) = await StartAsync(Engine.Sqlite);
        await using var _app = app;
        var (thread, message) = await ProtestAsync(west);

        var bySender = await Json.ReadAsync(await west.GetAsync($"/api/hotline/{thread}"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bySender.GetProperty("messages")[0].GetProperty("readAt").ValueKind);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await east.GetAsync($"/api/hotline/{thread}");
        var reply = await east.PostAsync($"/api/hotline/{thread}/messages", new { id = Guid.NewGuid(), body = "We are looking into it." });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var json = await Json.ReadAsync(reply);
        Assert.Equal("reply", json.GetProperty("kind").GetString());
        Assert.Equal("west", json.GetProperty("toParty").GetString());
        var read = await Json.ReadAsync(await west.GetAsync($"/api/hotline/{thread}"));
        Assert.Equal(app.Clock.GetUtcNow(), read.GetProperty("messages")[0].GetProperty("readAt").GetDateTimeOffset());
        Assert.Equal(message, read.GetProperty("messages")[0].GetProperty("id").GetGuid());
        Assert.Equal(2, read.GetProperty("messageCount").GetInt32());
    }

    [Fact]
    public async Task A_third_party_the_public_and_a_partner_never_see_a_thread()
    {
        var (app, west, _, north, _) = await StartAsync(Engine.Sqlite);
        await using var _app = app;
        var (thread, message) = await ProtestAsync(west);
        var partner = await app.ClientAsync("partner1", Role.Humanitarian);

        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/api/hotline/{thread}")).StatusCode);
        Assert.Empty((await Json.ReadAsync(await north.GetAsync("/api/hotline"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await north.PostAsync($"/api/hotline/{thread}/acknowledgements", new { messageId = message })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/hotline/{thread}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/hotline")).StatusCode);
    }

    [Fact]
    public async Task Only_the_addressed_party_acknowledges_naming_the_message()
    {
        var (app, west, _, _, analyst) = await StartAsync(Engine.Sqlite);
        await using var _app = app;
        var (thread, message) = await ProtestAsync(west);

        var own = await west.PostAsync($"/api/hotline/{thread}/acknowledgements", new { messageId = message });
        var stranger = await west.PostAsync($"/api/hotline/{thread}/acknowledgements", new { messageId = Guid.NewGuid() });
        var mission = await analyst.PostAsync($"/api/hotline/{thread}/acknowledgements", new { messageId = message });

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(["messageId"], await Json.ProblemFieldsAsync(own));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        Assert.Equal(["messageId"], await Json.ProblemFieldsAsync(stranger));
        Assert.Equal(HttpStatusCode.Forbidden, mission.StatusCode);
    }

    public static TheoryData<string, string> BadThreads => new()
    {
        { """{"id":"00000000-0000-0000-0000-000000000000","to":"east","subject":"s","body":"b"}""", "id" },
        { """{"id":"6f1c0d52-8d0e-4a52-9d1e-0c3f3a1b2c3d","to":"south","subject":"s","body":"b"}""", "to" },
        { """{"id":"6f1c0d52-8d0e-4a52-9d1e-0c3f3a1b2c3d","to":"west","subject":"s","body":"b"}""", "to" },
        { """{"id":"6f1c0d52-8d0e-4a52-9d1e-0c3f3a1b2c3d","to":"east","subject":" ","body":"b"}""", "subject" },
        { """{"id":"6f1c0d52-8d0e-4a52-9d1e-0c3f3a1b2c3d","to":"east","subject":"s","kind":"reply","body":"b"}""", "kind" },
        { """{"id":"6f1c0d52-8d0e-4a52-9d1e-0c3f3a1b2c3d","to":"east","subject":"s","kind":"threat","body":"b"}""", "kind" },
        { """{"id":"6f1c0d52-8d0e-4a52-9d1e-0c3f3a1b2c3d","to":"east","subject":"s"}""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadThreads))]
    public async Task A_bad_thread_is_refused_naming_its_field_and_nothing_is_written(string body, string field)
    {
        var (app, west, _, _, _) = await StartAsync(Engine.Sqlite);
        await using var _app = app;
        long before;
        await using (var db = app.Store.Open())
        {
            before = await db.Journal.CountAsync();
        }

        var response = await west.PostAsync("/api/hotline", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], await Json.ProblemFieldsAsync(response));
        await using var after = app.Store.Open();
        Assert.Equal(before, await after.Journal.CountAsync());
        Assert.Equal(0, await after.Set<HotlineThread>().CountAsync());
    }

    [Fact]
    public async Task A_retry_answers_the_first_thread_and_another_body_under_its_id_is_a_conflict()
    {
        var (app, west, _, _, _) = await StartAsync(Engine.Sqlite);
        await using var _app = app;
        var id = Guid.NewGuid();
        var body = new { id, to = "east", subject = "Rotation", kind = "notice", body = "Rotation at CP-4 on 1 December." };

        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/hotline", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await west.PostAsync("/api/hotline", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await west.PostAsync("/api/hotline", body with { subject = "Other" })).StatusCode);
    }

    [Fact]
    public async Task The_deadlines_come_from_the_settings()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["Hotline:AckHours:Notice"] = "0.5" });
        await using (var db = app.Store.Open())
        {
            db.Parties.AddRange(new Party { Id = "west", Name = "West" }, new Party { Id = "east", Name = "East" });
            await db.SaveChangesAsync();
        }
        var west = await app.ClientAsync("west1", Role.Liaison, "west");

        var created = await Json.ReadAsync(await west.PostAsync("/api/hotline", new { id = Guid.NewGuid(), to = "east", subject = "s", kind = "notice", body = "b" }));

        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(30), created.GetProperty("messages")[0].GetProperty("dueAt").GetDateTimeOffset());
    }
}
