using System.Net;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Verification;

public sealed class IncidentApiTests
{
    private static async Task<List<Guid>> ReportAsync(HttpClient monitor, params string[] sources)
    {
        var ids = new List<Guid>();
        foreach (var source in sources)
        {
            var body = Json.Observation();
            body["source"] = source;
            Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", body)).StatusCode);
            ids.Add((Guid)body["id"]!);
        }
        return ids;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Grouping_observations_makes_an_incident_counting_independent_sources(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var observations = await ReportAsync(monitor, "Patrol A-1", "Patrol A-1", "Camera CP-2");
        var id = Guid.NewGuid();

        var created = await analyst.PostAsync("/api/incidents", new { id, observationIds = observations });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var incident = await Json.ReadAsync(await analyst.GetAsync($"/api/incidents/{id}"));
        Assert.Equal("reported", incident.GetProperty("status").GetString());
        Assert.Equal(3, incident.GetProperty("observationCount").GetInt32());
        Assert.Equal(2, incident.GetProperty("sourceCount").GetInt32());
        Assert.Equal(observations.Order(), incident.GetProperty("observationIds").EnumerateArray().Select(e => e.GetGuid()).Order());
        var observation = await Json.ReadAsync(await monitor.GetAsync($"/api/observations/{observations[0]}"));
        Assert.Equal(id, observation.GetProperty("incidentId").GetGuid());
    }

    [Fact]
    public async Task An_observation_already_in_an_incident_is_named_when_grouped_again()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var observations = await ReportAsync(monitor, "Patrol A-1", "Patrol B-1");
        await analyst.PostAsync("/api/incidents", new { id = Guid.NewGuid(), observationIds = observations.Take(1) });

        var response = await analyst.PostAsync("/api/incidents", new { id = Guid.NewGuid(), observationIds = new[] { observations[1], observations[0], Guid.NewGuid() } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["observationIds[1]", "observationIds[2]"], (await Json.ProblemFieldsAsync(response)).Order());
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Assessments_move_the_status_only_along_legal_transitions_and_keep_the_grade(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine, demo: true);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var id = Guid.NewGuid();
        await analyst.PostAsync("/api/incidents", new { id, observationIds = await ReportAsync(monitor, "Patrol A-1", "Camera CP-2") });

        var skip = await analyst.PostAsync($"/api/incidents/{id}/assessments", new
        {
            id = Guid.NewGuid(), status = "verified", sourceReliability = "A", informationCredibility = 1, rationale = "Seen by two.",
        });
        var review = await analyst.PostAsync($"/api/incidents/{id}/assessments", new
        {
            id = Guid.NewGuid(), status = "under_review", sourceReliability = "B", informationCredibility = 3, rationale = "Checking logs.",
        });
        var verify = await analyst.PostAsync($"/api/incidents/{id}/assessments", new
        {
            id = Guid.NewGuid(), status = "verified", sourceReliability = "A", informationCredibility = 2,
            attributedParty = "east", attributionConfidence = "medium", clauseBreached = "Art. 1", rationale = "Camera and patrol agree.",
        });

        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Equal(["status"], await Json.ProblemFieldsAsync(skip));
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        Assert.Equal(HttpStatusCode.Created, verify.StatusCode);
        var incident = await Json.ReadAsync(await analyst.GetAsync($"/api/incidents/{id}"));
        Assert.Equal("verified", incident.GetProperty("status").GetString());
        Assert.Equal("A", incident.GetProperty("sourceReliability").GetString());
        Assert.Equal(2, incident.GetProperty("informationCredibility").GetInt32());
        Assert.Equal("east", incident.GetProperty("attributedParty").GetString());
        Assert.Equal("medium", incident.GetProperty("attributionConfidence").GetString());
        var history = incident.GetProperty("assessments").EnumerateArray().Select(a => a.GetProperty("status").GetString()).ToList();
        Assert.Equal(["under_review", "verified"], history);
    }

    [Fact]
    public async Task Only_analysts_group_and_assess()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var observations = await ReportAsync(monitor, "Patrol A-1");

        var group = await monitor.PostAsync("/api/incidents", new { id = Guid.NewGuid(), observationIds = observations });
        var assess = await monitor.PostAsync($"/api/incidents/{Guid.NewGuid()}/assessments", new { id = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Forbidden, group.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, assess.StatusCode);
    }

    [Fact]
    public async Task Parties_are_listed()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);
        var parties = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/parties"));
        Assert.Equal(["authority", "east", "observers", "pkf", "west"], parties.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("peacekeeping_force", parties.EnumerateArray().First(p => p.GetProperty("id").GetString() == "pkf").GetProperty("kind").GetString());
    }
}
