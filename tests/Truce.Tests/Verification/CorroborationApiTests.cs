using System.Net;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Journal;
using Truce.Storage;

namespace Truce.Tests.Verification;

public sealed class CorroborationApiTests
{
    private static async Task<Guid> ReportAsync(HttpClient monitor, string source, double lat, double lon, string at = "2026-11-29T06:40:00Z", int precisionM = 200)
    {
        var body = Json.Observation();
        (body["source"], body["latitude"], body["longitude"], body["observedAt"], body["locationPrecisionM"]) = (source, lat, lon, at, precisionM);
        var response = await monitor.PostAsync("/api/observations", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid)body["id"]!;
    }

    private static async Task<int> CountAsync(HttpClient client, Guid incident) =>
        (await Json.ReadAsync(await client.GetAsync($"/api/incidents/{incident}"))).GetProperty("observationCount").GetInt32();

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Analysts_accept_attach_split_and_merge_proposals_and_the_journal_keeps_each_decision(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var patrol = await ReportAsync(monitor, "Patrol A-1", 39.8177, 46.7528);
        var camera = await ReportAsync(monitor, "Camera CP-2", 39.8200, 46.7540, "2026-11-29T06:44:00Z");
        var far = await ReportAsync(monitor, "Patrol B-1", 40.9000, 45.1500);
        var province = await ReportAsync(monitor, "Partner NGO", 39.9, 46.8, precisionM: 40_000);

        var proposals = await Json.ReadAsync(await analyst.GetAsync("/api/corroboration/proposals?from=2026-11-28T00:00:00Z"));

        var proposal = Assert.Single(proposals.EnumerateArray());
        var members = proposal.GetProperty("observationIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        Assert.Equal(new[] { patrol, camera }.Order(), members.Order());
        Assert.Equal(2, proposal.GetProperty("sourceCount").GetInt32());
        Assert.Equal([province], proposal.GetProperty("candidateIds").EnumerateArray().Select(e => e.GetGuid()));

        var incident = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/incidents", new { id = incident, observationIds = members })).StatusCode);
        Assert.Empty((await Json.ReadAsync(await analyst.GetAsync("/api/corroboration/proposals?from=2026-11-28T00:00:00Z"))).EnumerateArray());

        var late = await ReportAsync(monitor, "Drone D-1", 39.8180, 46.7530, "2026-11-29T06:50:00Z");
        var candidates = await Json.ReadAsync(await analyst.GetAsync($"/api/corroboration/candidates/{late}"));
        Assert.Equal([incident], candidates.GetProperty("incidents").EnumerateArray().Select(e => e.GetGuid()));
        Assert.DoesNotContain(far, candidates.GetProperty("observations").EnumerateArray().Select(e => e.GetGuid()));

        var attach = await analyst.PostAsync($"/api/incidents/{incident}/observations", new { observationIds = new[] { late } });
        Assert.Equal(HttpStatusCode.OK, attach.StatusCode);
        Assert.Equal(3, await CountAsync(analyst, incident));

        var split = Guid.NewGuid();
        var splitBody = new { id = split, observationIds = new[] { late } };
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync($"/api/incidents/{incident}/split", splitBody)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync($"/api/incidents/{incident}/split", splitBody)).StatusCode);
        Assert.Equal(2, await CountAsync(analyst, incident));
        Assert.Equal(1, await CountAsync(analyst, split));
        var after = await Json.ReadAsync(await analyst.GetAsync($"/api/incidents/{incident}"));
        Assert.Equal(2, after.GetProperty("sourceCount").GetInt32());

        var merge = await analyst.PostAsync($"/api/incidents/{incident}/merge", new { incidentId = split });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal(3, await CountAsync(analyst, incident));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/incidents/{split}")).StatusCode);

        await using var db = app.Store.Open();
        Assert.True((await JournalVerifier.VerifyAsync(db)).Holds);
        var lateEntries = await db.Journal.Where(j => j.Entity == "observations" && j.RecordKey == late.ToString()).CountAsync();
        Assert.Equal(4, lateEntries);   // submitted, attached, split out, merged back
        Assert.Equal(1, await db.Journal.CountAsync(j => j.Entity == "incidents" && j.RecordKey == split.ToString() && j.Action == "delete"));
    }

    [Fact]
    public async Task Decisions_that_cannot_hold_are_refused_naming_the_field()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var a = await ReportAsync(monitor, "Patrol A-1", 39.8177, 46.7528);
        var b = await ReportAsync(monitor, "Patrol B-1", 39.8177, 46.7528);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await analyst.PostAsync("/api/incidents", new { id = first, observationIds = new[] { a } });
        await analyst.PostAsync("/api/incidents", new { id = second, observationIds = new[] { b } });

        var attachTaken = await analyst.PostAsync($"/api/incidents/{first}/observations", new { observationIds = new[] { b } });
        var splitAll = await analyst.PostAsync($"/api/incidents/{first}/split", new { id = Guid.NewGuid(), observationIds = new[] { a } });
        var mergeSelf = await analyst.PostAsync($"/api/incidents/{first}/merge", new { incidentId = first });
        var byMonitor = await monitor.PostAsync($"/api/incidents/{first}/merge", new { incidentId = second });
        var proposalsByMonitor = await monitor.GetAsync("/api/corroboration/proposals");

        Assert.Equal(HttpStatusCode.Conflict, attachTaken.StatusCode);
        Assert.Equal(["observationIds[0]"], await Json.ProblemFieldsAsync(attachTaken));
        Assert.Equal(["observationIds"], await Json.ProblemFieldsAsync(splitAll));
        Assert.Equal(["incidentId"], await Json.ProblemFieldsAsync(mergeSelf));
        Assert.Equal(HttpStatusCode.Forbidden, byMonitor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, proposalsByMonitor.StatusCode);
    }
}
