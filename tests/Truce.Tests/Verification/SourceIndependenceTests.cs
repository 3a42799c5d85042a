using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.Verification;

/// <summary>Issue 7, item 9: independence is counted by who submitted, so a declared source cannot be forged into more.</summary>
public sealed class SourceIndependenceTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_liaison_labelling_its_reports_as_the_missions_sources_adds_one_source_not_three(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await using (var db = app.Store.Open())
        {
            db.Parties.Add(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory });
            await db.SaveChangesAsync();
        }
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var monitor = await app.ClientAsync("monitor.alpha", Role.Monitor);
        var liaison = await app.ClientAsync("west1", Role.Liaison, "west");
        var ids = new List<object?>();
        foreach (var (client, source) in new[] { (liaison, "user:monitor.alpha"), (liaison, "Patrol A-1"), (liaison, "Camera CP-2"), (monitor, "Patrol A-1") })
        {
            var body = Json.Observation();
            body["source"] = source;
            body["visibility"] = "parties";
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/observations", body)).StatusCode);
            ids.Add(body["id"]);
        }

        var proposal = (await Json.ReadAsync(await analyst.GetAsync("/api/corroboration/proposals?from=2026-11-29&to=2026-11-29")))
            .EnumerateArray().Single();
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/incidents", new { id, observationIds = ids, visibility = "parties" })).StatusCode);
        var incident = await Json.ReadAsync(await analyst.GetAsync($"/api/incidents/{id}"));
        var byLiaison = await Json.ReadAsync(await liaison.GetAsync($"/api/incidents/{id}"));

        Assert.Equal(2, proposal.GetProperty("sourceCount").GetInt32());
        Assert.Equal(2, incident.GetProperty("sourceCount").GetInt32());
        Assert.Equal(2, byLiaison.GetProperty("sourceCount").GetInt32());
    }

    [Fact]
    public async Task The_observation_page_shows_who_submitted_it_beside_the_declared_source_to_those_who_may_see_it()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await using (var db = app.Store.Open())
        {
            db.Parties.Add(new Party { Id = "west", Name = "West Forces", Kind = PartyKind.Signatory });
            await db.SaveChangesAsync();
        }
        var liaison = await app.ClientAsync("west.liaison7", Role.Liaison, "west");
        var body = Json.Observation();
        body["source"] = "user:monitor.alpha";
        body["visibility"] = "parties";
        Assert.Equal(HttpStatusCode.Created, (await liaison.PostAsync("/api/observations", body)).StatusCode);
        var analyst = await app.SignInAsync("analyst1", Role.Analyst);
        // Published by the mission, so that the public sees the report (and must still not see who sent it).
        await using (var db = app.Store.Open())
        {
            var stored = await db.Observations.SingleAsync();
            stored.Visibility = Visibility.Public;
            await db.SaveChangesAsync();
        }
        var path = $"/observations/{body["id"]}";

        var byAnalyst = await analyst.GetStringAsync(path);
        var byLiaison = await liaison.GetStringAsync(path);
        var byPublic = await app.CreateClient().GetStringAsync(path);

        Assert.Contains("west.liaison7", byAnalyst, StringComparison.Ordinal);
        Assert.Contains("West Forces", byAnalyst, StringComparison.Ordinal);
        Assert.Contains("West Forces", byLiaison, StringComparison.Ordinal);
        Assert.DoesNotContain("west.liaison7", byPublic, StringComparison.Ordinal);
        Assert.DoesNotContain("monitor.alpha", byPublic, StringComparison.Ordinal);
    }
}
