using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.Access;

/// <summary>
/// The access matrix of fields: what each role is shown of a published observation and incident, written out by
/// hand (docs/security.md has the same table) and asserted on the API's output.
/// </summary>
public sealed class FieldDisclosureTests
{
    private enum Shown { Exact, Coarsened, Withheld }

    private const double Latitude = 39.81234;
    private const double Longitude = 46.75321;

    /// <summary>Role × field, by hand: the public form (public, humanitarian partners) against everyone else.</summary>
    private static readonly Dictionary<string, Dictionary<string, Shown>> Table = new()
    {
        ["public"] = PublicForm(),
        ["humanitarian"] = PublicForm(),
        ["liaison"] = new() { ["position"] = Shown.Exact, ["source"] = Shown.Exact, ["sourceExternalId"] = Shown.Exact, ["observer"] = Shown.Exact, ["evidence"] = Shown.Exact, ["analyst"] = Shown.Withheld },
        ["monitor"] = Everything(),
        ["analyst"] = Everything(),
        ["administrator"] = Everything(),
    };

    private static Dictionary<string, Shown> PublicForm() => new()
    {
        ["position"] = Shown.Coarsened, ["source"] = Shown.Withheld, ["sourceExternalId"] = Shown.Withheld, ["observer"] = Shown.Withheld,
        ["evidence"] = Shown.Withheld, ["analyst"] = Shown.Withheld,
    };

    private static Dictionary<string, Shown> Everything() => new()
    {
        ["position"] = Shown.Exact, ["source"] = Shown.Exact, ["sourceExternalId"] = Shown.Exact, ["observer"] = Shown.Exact,
        ["evidence"] = Shown.Exact, ["analyst"] = Shown.Exact,
    };

    [Fact]
    public async Task Each_role_is_shown_of_a_published_record_what_the_field_table_says()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await using (var db = app.Store.Open())
        {
            db.Parties.Add(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory });
            await db.SaveChangesAsync();
        }
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var body = Json.Observation();
        body["visibility"] = "public";
        (body["latitude"], body["longitude"], body["locationPrecisionM"]) = (Latitude, Longitude, 20);
        (body["observerLatitude"], body["observerLongitude"], body["bearingDeg"], body["distanceM"]) = (39.8, 46.74, 40.0, 1500);
        body["sourceExternalId"] = "ext-4711";
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", body)).StatusCode);
        using var file = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "photo.jpg" } };
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync($"/api/observations/{body["id"]}/evidence", file)).StatusCode);
        var incidentId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/incidents", new { id = incidentId, observationIds = new[] { body["id"] }, visibility = "public" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync($"/api/incidents/{incidentId}/assessments",
            new { id = Guid.NewGuid(), sourceReliability = "B", informationCredibility = 2, rationale = "Two patrols heard it." })).StatusCode);

        var clients = new Dictionary<string, HttpClient>
        {
            ["public"] = app.CreateClient(),
            ["humanitarian"] = await app.ClientAsync("partner", Role.Humanitarian),
            ["liaison"] = await app.ClientAsync("west", Role.Liaison, "west"),
            ["monitor"] = await app.ClientAsync("monitor1", Role.Monitor),
            ["analyst"] = analyst,
            ["administrator"] = await app.ClientAsync("admin1", Role.Administrator),
        };
        var failures = new List<string>();
        foreach (var (role, client) in clients)
        {
            var observation = await Json.ReadAsync(await client.GetAsync($"/api/observations/{body["id"]}"));
            var incident = await Json.ReadAsync(await client.GetAsync($"/api/incidents/{incidentId}"));
            var evidence = observation.GetProperty("evidence").EnumerateArray().ToList();
            using var download = await client.GetAsync($"/api/observations/{body["id"]}/evidence/{Sha256([1, 2, 3])}");
            var seen = new Dictionary<string, Shown>
            {
                ["position"] = Position(observation) is var p && p == (Latitude, Longitude) ? Shown.Exact
                    : Truce.Geo.GeoMath.DistanceM(Latitude, Longitude, p.Lat, p.Lon) < 5000 && observation.GetProperty("locationPrecisionM").GetInt32() == 5000 ? Shown.Coarsened : Shown.Withheld,
                ["source"] = observation.GetProperty("source").GetString() == "Patrol A-1" ? Shown.Exact : Shown.Withheld,
                ["sourceExternalId"] = observation.GetProperty("sourceExternalId").GetString() == "ext-4711" ? Shown.Exact : Shown.Withheld,
                ["observer"] = observation.GetProperty("observerLatitude").ValueKind == JsonValueKind.Number ? Shown.Exact : Shown.Withheld,
                ["evidence"] = evidence.Count == 1 && download.StatusCode == HttpStatusCode.OK ? Shown.Exact
                    : evidence.Count == 0 && download.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized ? Shown.Withheld : Shown.Coarsened,
                ["analyst"] = incident.GetProperty("assessments").EnumerateArray().Single().GetProperty("analyst").GetString() == "analyst1" ? Shown.Exact : Shown.Withheld,
            };
            // The incident is placed as its observation is, for every role.
            if ((incident.GetProperty("latitude").GetDouble(), incident.GetProperty("longitude").GetDouble()) != Position(observation))
            {
                failures.Add($"{role}: the incident is not placed where its observation is shown");
            }
            failures.AddRange(Table[role].Where(f => seen[f.Key] != f.Value).Select(f => $"{role} {f.Key}: expected {f.Value}, got {seen[f.Key]}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Who is told which account recorded a damage assessment, role by role, by hand (docs/security.md's row "damage
    /// assessment: who recorded it"): the mission's staff and the humanitarian partners, not a liaison nor the public.
    /// The asset is published, so every role reads the assessment itself; only the recorder differs.
    /// </summary>
    private static readonly Dictionary<string, Shown> DamageRecorder = new()
    {
        ["public"] = Shown.Withheld, ["liaison"] = Shown.Withheld, ["humanitarian"] = Shown.Exact,
        ["monitor"] = Shown.Exact, ["analyst"] = Shown.Exact, ["administrator"] = Shown.Exact,
    };

    [Fact]
    public async Task Each_role_is_told_who_recorded_a_damage_assessment_as_the_field_table_says()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = app.Store.Open())
        {
            db.Parties.Add(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory });
            db.Add(Truce.Gazetteer.Places.At("az-testville", "Testville", Truce.Gazetteer.PlaceKind.PopulatedPlace, 40.0, 46.0, "AZ"));
            await db.SaveChangesAsync(ct);
        }
        var recorder = await app.ClientAsync("surveyor", Role.Humanitarian);
        var asset = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await recorder.PostAsJsonAsync("/api/assets/", new { id = asset, name = "Bridge", kind = "bridge", place = "az-testville", visibility = "public" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await recorder.PostAsJsonAsync("/api/damage-assessments/", new { id = Guid.NewGuid(), asset, level = "severe", date = "2026-11-20", source = "Survey" }, ct)).StatusCode);

        var clients = new Dictionary<string, (HttpClient Api, HttpClient Page)>
        {
            ["public"] = (app.CreateClient(), app.CreateClient()),
            ["liaison"] = (await app.ClientAsync("west", Role.Liaison, "west"), await app.SignInAsync("west-web", Role.Liaison, "west")),
            ["humanitarian"] = (await app.ClientAsync("partner", Role.Humanitarian), await app.SignInAsync("partner-web", Role.Humanitarian)),
            ["monitor"] = (await app.ClientAsync("monitor1", Role.Monitor), await app.SignInAsync("monitor1-web", Role.Monitor)),
            ["analyst"] = (await app.ClientAsync("analyst1", Role.Analyst), await app.SignInAsync("analyst1-web", Role.Analyst)),
            ["administrator"] = (await app.ClientAsync("admin1", Role.Administrator), await app.SignInAsync("admin1-web", Role.Administrator)),
        };
        var failures = new List<string>();
        foreach (var (role, (api, page)) in clients)
        {
            var assessment = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/damage-assessments/", ct)).EnumerateArray().ToList());
            var recordedBy = assessment.GetProperty("recordedBy");
            var inApi = recordedBy.ValueKind == JsonValueKind.String && recordedBy.GetString() == "surveyor" ? Shown.Exact
                : recordedBy.ValueKind == JsonValueKind.Null ? Shown.Withheld : Shown.Coarsened;
            var html = await page.GetStringAsync("/registers/infrastructure", ct);
            Assert.Contains("Survey", html, StringComparison.Ordinal);
            var onPage = html.Contains("surveyor", StringComparison.Ordinal) ? Shown.Exact : Shown.Withheld;
            if (inApi != DamageRecorder[role] || onPage != DamageRecorder[role])
            {
                failures.Add($"{role}: expected {DamageRecorder[role]}, the API showed {inApi}, the page {onPage}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (double Lat, double Lon) Position(JsonElement record) =>
        (record.GetProperty("latitude").GetDouble(), record.GetProperty("longitude").GetDouble());

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
