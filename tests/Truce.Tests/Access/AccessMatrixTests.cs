using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;
using Truce.Web;

namespace Truce.Tests.Access;

/// <summary>
/// Every endpoint the application maps, crossed with every kind of viewer and with records of every
/// visibility and party. The expectations are written out here by hand, independently of AccessPolicy.
/// </summary>
public sealed class AccessMatrixTests
{
    private enum Who { Public, Monitor, Analyst, LiaisonWest, LiaisonEast, Humanitarian, Administrator, ReadOnlyMonitor, RevokedToken }

    private enum Need { Read, Submit, Group, Assess, Corroborate, ManageUsers, ReadJournal, SignedIn, WriteReports, Moderate, Reply }

    /// <summary>What each route needs, by method and route pattern. A route missing here fails the test.</summary>
    private static readonly Dictionary<string, Need> Routes = new()
    {
        ["GET /healthz"] = Need.Read,
        ["GET /openapi/{documentName}.json"] = Need.Read,
        ["GET /api/docs/{documentName?}"] = Need.Read,
        ["GET /api/docs/scalar.js"] = Need.Read,
        ["GET /api/docs/scalar.aspnetcore.js"] = Need.Read,
        ["GET /api/docs/favicon.svg"] = Need.Read,
        ["GET /api/parties"] = Need.Read,
        ["GET /api/zones"] = Need.Read,
        ["GET /api/sites"] = Need.Read,
        ["GET /api/boundaries"] = Need.Read,
        ["POST /api/observations/"] = Need.Submit,
        ["GET /api/observations/"] = Need.Read,
        ["GET /api/observations/{id:guid}"] = Need.Read,
        ["POST /api/observations/{id:guid}/evidence"] = Need.Submit,
        ["GET /api/observations/{id:guid}/evidence/{sha256}"] = Need.Read,
        ["POST /api/incidents/"] = Need.Group,
        ["GET /api/incidents/"] = Need.Read,
        ["GET /api/incidents/{id:guid}"] = Need.Read,
        ["POST /api/incidents/{id:guid}/assessments"] = Need.Assess,
        ["GET /api/journal"] = Need.ReadJournal,
        ["GET /api/corroboration/proposals"] = Need.Corroborate,
        ["GET /api/corroboration/candidates/{id:guid}"] = Need.Corroborate,
        ["POST /api/incidents/{id:guid}/observations"] = Need.Corroborate,
        ["POST /api/incidents/{id:guid}/split"] = Need.Corroborate,
        ["POST /api/incidents/{id:guid}/merge"] = Need.Corroborate,
        ["GET /api/metrics/"] = Need.Read,
        ["GET /api/exports/observations.geojson"] = Need.Read,
        ["GET /api/exports/observations.csv"] = Need.Read,
        ["GET /api/exports/observations.hxl.csv"] = Need.Read,
        ["GET /corroboration"] = Need.Corroborate,
        ["POST /incidents/{id:guid}/observations"] = Need.Corroborate,
        ["POST /incidents/{id:guid}/split"] = Need.Corroborate,
        ["POST /incidents/{id:guid}/merge"] = Need.Corroborate,
        ["GET /metrics"] = Need.Read,
        ["GET /login"] = Need.Read,
        ["POST /login"] = Need.Read,
        ["POST /logout"] = Need.SignedIn,
        ["POST /language"] = Need.Read,
        ["GET /"] = Need.Read,
        ["GET /map"] = Need.Read,
        ["GET /observations"] = Need.Read,
        ["GET /observations/new"] = Need.Submit,
        ["POST /observations"] = Need.Submit,
        ["GET /observations/{id:guid}"] = Need.Read,
        ["GET /incidents"] = Need.Read,
        ["POST /incidents"] = Need.Group,
        ["GET /incidents/{id:guid}"] = Need.Read,
        ["POST /incidents/{id:guid}/assessments"] = Need.Assess,
        ["GET /admin/users"] = Need.ManageUsers,
        ["POST /admin/users"] = Need.ManageUsers,
        ["POST /admin/users/{name}/disable"] = Need.ManageUsers,
        ["POST /admin/users/{name}/enable"] = Need.ManageUsers,
        ["GET /public/"] = Need.Read,
        ["GET /public/reports/{report:guid}"] = Need.Read,
        ["POST /public/reports/{report:guid}/comments"] = Need.Read,
        ["GET /public/archive"] = Need.Read,
        ["GET /public/search"] = Need.Read,
        ["GET /public/feed.atom"] = Need.Read,
        ["GET /public/reports/{report:guid}/pdf"] = Need.Read,
        ["GET /api/reports/"] = Need.Read,
        ["GET /api/reports/{report:guid}"] = Need.Read,
        ["POST /api/reports/"] = Need.WriteReports,
        ["POST /api/reports/{report:guid}/status"] = Need.WriteReports,
        ["GET /reports/"] = Need.SignedIn,
        ["POST /reports/"] = Need.WriteReports,
        ["GET /reports/{report:guid}"] = Need.SignedIn,
        ["POST /reports/{report:guid}"] = Need.WriteReports,
        ["POST /reports/{report:guid}/status"] = Need.WriteReports,
        ["POST /reports/{report:guid}/replies"] = Need.Reply,
        ["GET /reports/comments"] = Need.Moderate,
        ["POST /reports/comments/{comment:guid}"] = Need.Moderate,
    };

    /// <summary>Who may do what, written out by hand.</summary>
    private static bool May(Who who, Need need) => need switch
    {
        Need.Read => true,
        Need.SignedIn => who != Who.Public,
        Need.Submit => who is Who.Monitor or Who.Analyst or Who.LiaisonWest or Who.LiaisonEast or Who.Administrator,
        Need.Group or Need.Assess or Need.Corroborate => who is Who.Analyst or Who.Administrator,
        Need.ManageUsers => who is Who.Administrator,
        Need.ReadJournal => who is Who.Administrator,
        Need.WriteReports or Need.Moderate => who is Who.Analyst or Who.Administrator,
        Need.Reply => who is Who.LiaisonWest or Who.LiaisonEast,
        _ => false,
    };

    /// <summary>The records: an observation (and an incident built on one) for each visibility and submitter.</summary>
    private enum Record { InternalByMission, SharedByMission, Published, InternalByWest, InternalByEast }

    /// <summary>
    /// Who sees which record, written out by hand. A liaison sees its own party's internal reports, but an
    /// incident is the mission's own product: internal until the mission shares it, whoever reported it.
    /// </summary>
    private static bool Sees(Who who, Record record, bool incident = false) => who switch
    {
        Who.Administrator or Who.Analyst or Who.Monitor or Who.ReadOnlyMonitor => true,
        Who.LiaisonWest => record is Record.SharedByMission or Record.Published || (record is Record.InternalByWest && !incident),
        Who.LiaisonEast => record is Record.SharedByMission or Record.Published || (record is Record.InternalByEast && !incident),
        _ => record is Record.Published,
    };

    private sealed class World
    {
        public required TruceApp App { get; init; }
        public Dictionary<Who, HttpClient> Api { get; } = [];
        public Dictionary<Who, HttpClient> Browser { get; } = [];
        public Dictionary<Record, Guid> Observations { get; } = [];
        public Dictionary<Record, Guid> Incidents { get; } = [];
        public Dictionary<Record, string> Evidence { get; } = [];
        public Dictionary<Record, Viewer> Submitters { get; } = [];
        public Dictionary<Who, (Role Role, string? Party)> Roles { get; } = [];
        /// <summary>A published report, and a comment on it held for moderation.</summary>
        public Guid Report { get; set; }
        public Guid Comment { get; set; }
    }

    [Fact]
    public async Task Every_endpoint_declares_a_rule_and_answers_every_viewer_as_the_rules_say()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SignInsPerMinute"] = "0", ["RateLimits:SubmissionsPerMinute"] = "0", ["RateLimits:CommentsPerHour"] = "0",
        });
        var world = await BuildWorldAsync(app);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Endpoint: e)))
            .Where(x => !IsStaticAsset(x.Endpoint))
            .ToList();

        var undeclared = endpoints.Where(x => x.Endpoint.Metadata.GetMetadata<AccessRule>() is null)
            .Select(x => Describe(x) + " [" + x.Endpoint.DisplayName + ": " + string.Join(",", x.Endpoint.Metadata.Select(m => m.GetType().Name)) + "]").ToList();
        var untabled = endpoints.Select(Describe).Where(d => !Routes.ContainsKey(d)).ToList();
        Assert.True(undeclared.Count == 0, $"Endpoints without an AccessRule: {string.Join(", ", undeclared)}");
        Assert.True(untabled.Count == 0, $"Endpoints this test has no expectation for (add them to Routes): {string.Join(", ", untabled)}");

        var failures = new List<string>();
        foreach (var (method, endpoint) in endpoints.OrderBy(Describe, StringComparer.Ordinal))
        {
            var route = Describe((method, endpoint));
            var need = Routes[route];
            var pattern = endpoint.RoutePattern.RawText!;
            Record[] records = pattern.Contains("{id", StringComparison.Ordinal) ? Enum.GetValues<Record>() : [Record.Published];
            foreach (var who in Enum.GetValues<Who>())
            {
                foreach (var record in records)
                {
                    int status;
                    string? location;
                    string? challenge;
                    try
                    {
                        (status, location, challenge) = await SendAsync(world, who, method, pattern, record);
                    }
                    catch (Exception e) when (e is not InvalidOperationException)
                    {
                        throw new InvalidOperationException($"{route} as {who} on {record}: {e.Message}", e);
                    }
                    if (who == Who.RevokedToken)
                    {
                        // Credentials that fail are refused on every endpoint, public ones included (RFC 6750).
                        if (status != 401 || challenge?.Contains("error=\"invalid_token\"", StringComparison.Ordinal) != true)
                        {
                            failures.Add($"{route} with a revoked token on {record}: got {status} [{challenge}], expected 401 with error=\"invalid_token\"");
                        }
                        continue;
                    }
                    var expected = Expect(who, need, pattern, record, status);
                    if (status >= 500 || !expected.Accepts(status, location))
                    {
                        failures.Add($"{route} as {who} on {record}: got {status} {location}, expected {expected}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Lists show each viewer exactly the records it may see.
        foreach (var who in Enum.GetValues<Who>().Where(w => w != Who.RevokedToken))
        {
            using var list = await world.Api[who].GetAsync("/api/observations?pageSize=500");
            var ids = (await Json.ReadAsync(list)).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToHashSet();
            foreach (var record in Enum.GetValues<Record>())
            {
                Assert.True(Sees(who, record) == ids.Contains(world.Observations[record]), $"/api/observations as {who}: {record}");
            }
            var page = await world.Browser[who].GetStringAsync("/observations?pageSize=500");
            foreach (var record in Enum.GetValues<Record>())
            {
                Assert.True(Sees(who, record) == page.Contains(world.Observations[record].ToString(), StringComparison.Ordinal), $"/observations page as {who}: {record}");
            }
        }
    }

    private sealed record Expectation(string Text, Func<int, string?, bool> Accepts)
    {
        public override string ToString() => Text;
    }

    private static Expectation Expect(Who who, Need need, string pattern, Record record, int status)
    {
        var api = pattern.StartsWith("/api", StringComparison.Ordinal) || pattern.StartsWith("/openapi", StringComparison.Ordinal) || pattern == "/healthz";
        if (pattern == "/login" && status != 200)
        {
            return new("401 for a wrong password", (s, _) => s == 401);
        }
        if (!May(who, need))
        {
            if (who == Who.Public)
            {
                return api ? new("401", (s, _) => s == 401) : new("redirect to /login", (s, l) => s == 302 && l?.StartsWith("/login", StringComparison.Ordinal) == true);
            }
            return new("403", (s, _) => s == 403);
        }
        var recordScoped = pattern.Contains("{id", StringComparison.Ordinal);
        var visible = !recordScoped || Sees(who, record, pattern.Contains("incidents", StringComparison.Ordinal));
        if (pattern.EndsWith("/evidence/{sha256}", StringComparison.Ordinal))
        {
            visible &= who is not Who.Public and not Who.Humanitarian;
        }
        // The mission's staff may write to any record they see; nobody is told a hidden record exists.
        // A published report refuses edits and replies on their merits (409): the caller was let in all the same.
        if (visible && (pattern.EndsWith("/split", StringComparison.Ordinal) || pattern.EndsWith("/merge", StringComparison.Ordinal)
            || pattern is "/reports/{report:guid}" or "/reports/{report:guid}/replies"))
        {
            // Splitting an incident's only observation or merging one away may be refused on its merits (409/422);
            // what matters here is that the caller was let in.
            return new("let in (not 401/403/404)", (s, _) => s is >= 200 and < 500 and not 401 and not 403 and not 404);
        }
        return visible
            ? new("allowed (2xx or 3xx)", (s, _) => s is >= 200 and < 400)
            : new("404", (s, _) => s == 404);
    }

    private static async Task<(int Status, string? Location, string? Challenge)> SendAsync(World world, Who who, string method, string pattern, Record record)
    {
        var page = !pattern.StartsWith("/api", StringComparison.Ordinal);
        var client = page ? world.Browser[who] : world.Api[who];
        if (pattern == "/logout" && world.Roles.TryGetValue(who, out var person))
        {
            // Signing out ends the session: use a session of its own, not the one the other cases share.
            client = await world.App.SignInAsync($"{who}-{Guid.NewGuid():N}"[..30].ToLowerInvariant(), person.Role, person.Party);
        }
        var observation = world.Observations[record];
        var incident = world.Incidents[record];
        var path = pattern
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", "v1", StringComparison.Ordinal)
            .Replace("{sha256}", world.Evidence[record], StringComparison.Ordinal)
            .Replace("{name}", "victim", StringComparison.Ordinal)
            .Replace("{report:guid}", world.Report.ToString(), StringComparison.Ordinal)
            .Replace("{comment:guid}", world.Comment.ToString(), StringComparison.Ordinal)
            .Replace("{id:guid}", pattern.Contains("incidents", StringComparison.Ordinal) ? incident.ToString() : observation.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = page
                ? new FormUrlEncodedContent(who == Who.RevokedToken ? new Dictionary<string, string>() : await FormAsync(world, client, who, pattern, record))
                : await ApiBodyAsync(world, pattern, record);
        }
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Headers.Location?.OriginalString, response.Headers.WwwAuthenticate.ToString());
    }

    private static async Task<HttpContent> ApiBodyAsync(World world, string pattern, Record record) => pattern switch
    {
        "/api/observations/" => JsonContent.Create(Json.Observation()),
        "/api/observations/{id:guid}/evidence" => Evidence([9, 8, 7, (byte)record]),
        "/api/incidents/" => JsonContent.Create(new { id = Guid.NewGuid(), observationIds = new[] { await FreshObservationAsync(world, record) } }),
        "/api/incidents/{id:guid}/assessments" => JsonContent.Create(new { id = Guid.NewGuid(), sourceReliability = "B", informationCredibility = 3, rationale = "Matrix." }),
        "/api/incidents/{id:guid}/observations" => JsonContent.Create(new { observationIds = new[] { await FreshObservationAsync(world, record) } }),
        "/api/incidents/{id:guid}/split" => JsonContent.Create(new { id = Guid.NewGuid(), observationIds = new[] { await FreshObservationAsync(world, record) } }),
        "/api/incidents/{id:guid}/merge" => JsonContent.Create(new { incidentId = world.Incidents[Record.Published] }),
        "/api/reports/" => JsonContent.Create(new { id = Guid.NewGuid(), kind = "daily", date = "2026-11-20" }),
        "/api/reports/{report:guid}/status" => JsonContent.Create(new { status = "published" }),
        _ => throw new InvalidOperationException($"No sample body for POST {pattern}: add one to the access matrix test."),
    };

    private static async Task<Dictionary<string, string>> FormAsync(World world, HttpClient client, Who who, string pattern, Record record)
    {
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Forms.TokenAsync(client, who == Who.Public ? "/login" : "/"),
        };
        switch (pattern)
        {
            case "/login":
                form["name"] = "monitor"; form["password"] = "wrong password";
                break;
            case "/logout":
                break;
            case "/language":
                form["language"] = "ru";
                break;
            case "/observations":
                foreach (var (key, value) in new Dictionary<string, string>
                {
                    ["id"] = Guid.NewGuid().ToString(), ["observedAt"] = "2026-11-29T07:30", ["latitude"] = "40.9", ["longitude"] = "45.4",
                    ["category"] = "explosion", ["sensor"] = "heard", ["visibility"] = "internal",
                })
                {
                    form[key] = value;
                }
                break;
            case "/incidents":
                form["id"] = Guid.NewGuid().ToString(); form["observationIds"] = (await FreshObservationAsync(world, record)).ToString();
                break;
            case "/incidents/{id:guid}/assessments":
                form["id"] = Guid.NewGuid().ToString(); form["sourceReliability"] = "B"; form["informationCredibility"] = "3"; form["rationale"] = "Matrix.";
                break;
            case "/incidents/{id:guid}/observations":
                form["observationIds"] = (await FreshObservationAsync(world, record)).ToString();
                break;
            case "/incidents/{id:guid}/split":
                form["id"] = Guid.NewGuid().ToString(); form["observationIds"] = (await FreshObservationAsync(world, record)).ToString();
                break;
            case "/incidents/{id:guid}/merge":
                form["incidentId"] = world.Incidents[Record.Published].ToString();
                break;
            case "/admin/users":
                form["name"] = $"added-{Guid.NewGuid():N}"[..20]; form["role"] = "monitor";
                break;
            case "/admin/users/{name}/disable" or "/admin/users/{name}/enable":
                break;
            case "/public/reports/{report:guid}/comments":
                form["name"] = "Reader"; form["text"] = "A comment.";
                break;
            case "/reports/":
                form["id"] = Guid.NewGuid().ToString(); form["kind"] = "daily"; form["date"] = "2026-11-20";
                break;
            case "/reports/{report:guid}":
                form["narrative"] = "An edit.";
                break;
            case "/reports/{report:guid}/status":
                form["status"] = "published";
                break;
            case "/reports/{report:guid}/replies":
                form["incidentId"] = world.Incidents[Record.Published].ToString(); form["reply"] = "A reply.";
                break;
            case "/reports/comments/{comment:guid}":
                form["decision"] = "approved";
                break;
            default:
                throw new InvalidOperationException($"No sample form for POST {pattern}: add one to the access matrix test.");
        }
        return form;
    }

    private static MultipartFormDataContent Evidence(byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "file", "photo.jpg");
        return content;
    }

    private static string Describe((string Method, RouteEndpoint Endpoint) x) => $"{x.Method} {x.Endpoint.RoutePattern.RawText}";

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true)
        || endpoint.Order == int.MaxValue;

    private static async Task<Guid> FreshObservationAsync(World world, Record record)
    {
        await using var db = world.App.Store.Open();
        var input = new ObservationInput
        {
            Id = Guid.NewGuid(), ObservedAt = "2026-11-29T06:00:00Z", Latitude = 40.9, Longitude = 45.4, Category = "explosion", Sensor = "heard",
            Visibility = record switch { Record.SharedByMission => "parties", Record.Published => "public", _ => "internal" },
        };
        var submitted = await Observations.SubmitAsync(db, world.Submitters[record], input);
        return submitted.Value!.Record.Id;
    }

    private static async Task<World> BuildWorldAsync(TruceApp app)
    {
        await using (var db = app.Store.Open())
        {
            db.Parties.AddRange(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory }, new Party { Id = "east", Name = "East", Kind = PartyKind.Signatory });
            await db.SaveChangesAsync();
        }
        var world = new World { App = app };
        (Who Who, string Name, Role Role, string? Party)[] people =
        [
            (Who.Monitor, "monitor", Role.Monitor, null), (Who.Analyst, "analyst", Role.Analyst, null),
            (Who.LiaisonWest, "west", Role.Liaison, "west"), (Who.LiaisonEast, "east", Role.Liaison, "east"),
            (Who.Humanitarian, "partner", Role.Humanitarian, null), (Who.Administrator, "administrator", Role.Administrator, null),
        ];
        var viewers = new Dictionary<Who, Viewer>();
        foreach (var (who, name, role, party) in people)
        {
            world.Roles[who] = (role, party);
            world.Api[who] = await app.ClientAsync(name, role, party);
            world.Browser[who] = await app.SignInAsync(name + "-web", role, party);
            await using var db = app.Store.Open();
            viewers[who] = Users.ViewerOf(await db.Users.SingleAsync(u => u.Name == name));
        }
        await using (var db = app.Store.Open())
        {
            var readOnly = await Users.CreateTokenAsync(db, "monitor", TimeSpan.FromDays(1), TokenScope.Read);
            // A read-only token, used for the API and (as a script would) for the pages.
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", readOnly.Value.Secret);
            world.Api[Who.ReadOnlyMonitor] = client;
            var pages = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            pages.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", readOnly.Value.Secret);
            world.Browser[Who.ReadOnlyMonitor] = pages;
            Assert.True((await Users.AddAsync(db, "victim", Role.Monitor, null, Users.NewPassword())).Succeeded);
        }
        world.Roles[Who.ReadOnlyMonitor] = world.Roles[Who.Monitor];
        await using (var db = app.Store.Open())
        {
            // A token that worked, then was revoked: for the API and (as a script would send it) for the pages.
            var token = await Users.CreateTokenAsync(db, "analyst", TimeSpan.FromDays(1));
            Assert.True((await Users.RevokeTokenAsync(db, token.Value.Token.Id)).Succeeded);
            foreach (var clients in new[] { world.Api, world.Browser })
            {
                var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Secret);
                clients[Who.RevokedToken] = client;
            }
        }
        world.Api[Who.Public] = app.CreateClient();
        world.Browser[Who.Public] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        world.Submitters[Record.InternalByMission] = viewers[Who.Monitor];
        world.Submitters[Record.SharedByMission] = viewers[Who.Monitor];
        world.Submitters[Record.Published] = viewers[Who.Analyst];
        world.Submitters[Record.InternalByWest] = viewers[Who.LiaisonWest];
        world.Submitters[Record.InternalByEast] = viewers[Who.LiaisonEast];
        foreach (var record in Enum.GetValues<Record>())
        {
            world.Observations[record] = await FreshObservationAsync(world, record);
            await using var db = app.Store.Open();
            var evidence = await Truce.Monitoring.Evidence.AttachAsync(db, world.Submitters[record], world.Observations[record], "photo.jpg", "image/jpeg",
                new MemoryStream([1, 2, 3, (byte)record]), 1000);
            world.Evidence[record] = evidence.Value!.Sha256;
            var incident = await Incidents.GroupAsync(db, viewers[Who.Analyst], new IncidentInput
            {
                Id = Guid.NewGuid(), ObservationIds = [await FreshObservationAsync(world, record)],
                Visibility = record switch { Record.SharedByMission => "parties", Record.Published => "public", _ => "internal" },
            });
            world.Incidents[record] = incident.Value!.Record.Id;
        }
        await using (var db = app.Store.Open())
        {
            var report = Guid.NewGuid();
            Assert.True((await Truce.Reports.Reports.GenerateAsync(db, viewers[Who.Analyst], new Truce.Reports.ReportInput { Id = report, Kind = "daily", Date = "2026-11-29" })).Succeeded);
            Assert.True((await Truce.Reports.Reports.MoveAsync(db, viewers[Who.Analyst], report, "review")).Succeeded);
            Assert.True((await Truce.Reports.Reports.MoveAsync(db, viewers[Who.Analyst], report, "published")).Succeeded);
            world.Report = report;
            world.Comment = (await Truce.Reports.Comments.SubmitAsync(db, report, new Truce.Reports.CommentInput("Reader", "Held.", null))).Value!.Id;
        }
        return world;
    }
}
