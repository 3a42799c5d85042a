using System.Net;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Journal;
using Truce.Storage;

namespace Truce.Tests.Journal;

public sealed class JournalTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Every_write_is_journaled_with_who_what_and_a_chained_hash(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();
        // Sub-millisecond instants must survive the round trip through either engine, or the hashes break.
        app.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", body)).StatusCode);

        await using var db = app.Store.Open();
        var entry = await db.Journal.SingleAsync(j => j.Entity == "observations");
        Assert.Equal("insert", entry.Action);
        Assert.Equal(body["id"]!.ToString(), entry.RecordKey);
        Assert.StartsWith("monitor1 (", entry.Actor, StringComparison.Ordinal);
        Assert.Null(entry.Before);
        Assert.Contains("\"category\":\"explosion\"", entry.After, StringComparison.Ordinal);
        Assert.Equal(JournalChain.HashOf(entry), entry.Hash);
        Assert.Equal(1_234_560, entry.At.Ticks % TimeSpan.TicksPerSecond);
        var users = await db.Journal.Where(j => j.Entity == "users").ToListAsync();
        Assert.All(users, u => Assert.Contains("\"password_hash\":\"sha256:", u.After, StringComparison.Ordinal));
        Assert.True((await JournalVerifier.VerifyAsync(db)).Holds);
    }

    public static TheoryData<Engine, string> Tampering()
    {
        var data = new TheoryData<Engine, string>();
        foreach (var engine in new[] { Engine.Sqlite, Engine.Postgres })
        {
            data.Add(engine, "UPDATE journal SET after = replace(after, 'explosion', 'illumination_flare') WHERE seq = {0}");
            data.Add(engine, "DELETE FROM journal WHERE seq = {0}");
            data.Add(engine, "UPDATE journal SET actor = 'someone else' WHERE seq = {0}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Truce_verify_names_the_first_entry_changed_by_hand(Engine engine, string sql)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", Json.Observation())).StatusCode);
        }
        long target;
        await using (var db = app.Store.Open())
        {
            target = await db.Journal.Where(j => j.Entity == "observations").OrderBy(j => j.Seq).Skip(1).Select(j => j.Seq).FirstAsync();
        }
        var before = await Cli.Cli.RunAsync("verify", "--db", app.Location.ConnectionString);

        await using (var db = app.Store.Open())
        {
            await db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, target));
        }
        var after = await Cli.Cli.RunAsync("verify", "--db", app.Location.ConnectionString);

        Assert.Equal(0, before.ExitCode);
        Assert.Contains("chain intact", before.Output, StringComparison.Ordinal);
        Assert.Equal(4, after.ExitCode);
        // A deleted entry is noticed at the one that follows it.
        var named = sql.StartsWith("DELETE", StringComparison.Ordinal) ? target + 1 : target;
        Assert.Contains($"journal entry {named}:", after.Error, StringComparison.Ordinal);
    }
}
