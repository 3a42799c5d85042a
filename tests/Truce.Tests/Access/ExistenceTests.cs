using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.Access;

/// <summary>
/// Issue 7, item 7: a create endpoint that takes a client's id must not tell whether a record the caller may not see
/// holds that id. A clash is answered the same way whoever's record it is and whether the caller may see it.
/// </summary>
public sealed class ExistenceTests
{
    [Fact]
    public async Task A_liaison_reusing_the_id_of_a_report_it_may_not_see_is_answered_as_for_one_it_may_see()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await AddPartiesAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var east = await app.ClientAsync("east1", Role.Liaison, "east");
        var hidden = Json.Observation();
        hidden["visibility"] = "internal";
        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/observations", hidden)).StatusCode);
        var seen = Json.Observation();
        seen["visibility"] = "parties";
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", seen)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/api/observations/{hidden["id"]}")).StatusCode);

        using var onHidden = await east.PostAsync("/api/observations", Json.Observation((Guid)hidden["id"]!));
        using var onSeen = await east.PostAsync("/api/observations", Json.Observation((Guid)seen["id"]!));

        Assert.Equal(HttpStatusCode.Conflict, onSeen.StatusCode);
        Assert.Equal(onSeen.StatusCode, onHidden.StatusCode);
        Assert.Equal(Comparable(await onSeen.Content.ReadAsStringAsync()), Comparable(await onHidden.Content.ReadAsStringAsync()));
        Assert.Equal(onSeen.Headers.Location, onHidden.Headers.Location);
    }

    [Fact]
    public async Task The_observation_form_answers_a_hidden_ids_clash_as_a_visible_ones()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await AddPartiesAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var west = await app.ClientAsync("west1", Role.Liaison, "west");
        var east = await app.SignInAsync("east1", Role.Liaison, "east");
        var hidden = Json.Observation();
        hidden["visibility"] = "internal";
        Assert.Equal(HttpStatusCode.Created, (await west.PostAsync("/api/observations", hidden)).StatusCode);
        var seen = Json.Observation();
        seen["visibility"] = "parties";
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", seen)).StatusCode);

        var onHidden = await SubmitFormAsync(east, (Guid)hidden["id"]!);
        var onSeen = await SubmitFormAsync(east, (Guid)seen["id"]!);

        Assert.Equal(HttpStatusCode.Conflict, onSeen.Status);
        Assert.Equal(onSeen.Status, onHidden.Status);
        Assert.Equal(onSeen.Problem, onHidden.Problem);
        Assert.DoesNotContain(hidden["narrative"]!.ToString()!, onHidden.Page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/incidents")]
    [InlineData("/api/incidents/{incident}/assessments")]
    [InlineData("/api/incidents/{incident}/split")]
    public async Task Only_the_mission_which_sees_every_record_may_create_incidents_and_assessments(string path)
    {
        // A liaison or partner is refused before any id is looked at, so these creators cannot tell a used id either.
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await AddPartiesAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var report = Json.Observation();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", report)).StatusCode);
        var incident = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/incidents", new { id = incident, observationIds = new[] { report["id"] } })).StatusCode);
        var target = path.Replace("{incident}", incident.ToString(), StringComparison.Ordinal);
        foreach (var outsider in new[] { await app.ClientAsync("east1", Role.Liaison, "east"), await app.ClientAsync("partner", Role.Humanitarian) })
        {
            foreach (var id in new[] { incident, Guid.NewGuid() })
            {
                using var answer = await outsider.PostAsJsonAsync(target, new { id, observationIds = new[] { report["id"] }, reliability = "b", credibility = "2", status = "under_review" });
                Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{target} as an outsider: {(int)answer.StatusCode}");
            }
        }
    }

    private static async Task AddPartiesAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Parties.AddRange(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory }, new Party { Id = "east", Name = "East", Kind = PartyKind.Signatory });
        await db.SaveChangesAsync();
    }

    private static async Task<(HttpStatusCode Status, string Problem, string Page)> SubmitFormAsync(HttpClient client, Guid id)
    {
        var token = await Forms.TokenAsync(client, "/observations/new");
        using var answer = await client.PostAsync("/observations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = id.ToString(), ["observedAt"] = "2026-11-29T06:40", ["timePrecision"] = "exact",
            ["latitude"] = "39.8", ["longitude"] = "46.7", ["locationPrecisionM"] = "200", ["category"] = "explosion", ["count"] = "1",
            ["sensor"] = "heard", ["source"] = "Liaison east", ["visibility"] = "internal",
        }));
        var page = await answer.Content.ReadAsStringAsync();
        var problem = System.Text.RegularExpressions.Regex.Match(page, "<div class=\"errors\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        return (answer.StatusCode, problem, page);
    }

    /// <summary>A problem's body without its per-request trace id.</summary>
    private static string Comparable(string body)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
