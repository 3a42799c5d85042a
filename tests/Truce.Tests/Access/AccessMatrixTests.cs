using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Hotline;
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

    private enum Need { Read, Submit, Group, Assess, Corroborate, ManageUsers, ReadJournal, SignedIn, Hotline, HotlineWrite, TrackCommitments, PlanHandover, SignOff, WriteReports, Moderate, Reply, WriteRegisters, ManageWebhooks }

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
        // The gazetteer is public reference data: everyone reads every place, whatever the record.
        ["GET /api/places/"] = Need.Read,
        ["GET /api/places/map"] = Need.Read,
        ["GET /api/places/{id}"] = Need.Read,
        ["GET /places/"] = Need.Read,
        ["GET /places/{id}"] = Need.Read,
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
        ["GET /api/hotline/"] = Need.Hotline,
        ["GET /api/hotline/awaiting"] = Need.Hotline,
        ["POST /api/hotline/"] = Need.HotlineWrite,
        ["GET /api/hotline/{id:guid}"] = Need.Hotline,
        ["POST /api/hotline/{id:guid}/messages"] = Need.HotlineWrite,
        ["POST /api/hotline/{id:guid}/acknowledgements"] = Need.HotlineWrite,
        ["GET /hotline"] = Need.Hotline,
        ["POST /hotline"] = Need.HotlineWrite,
        ["GET /hotline/{id:guid}"] = Need.Hotline,
        ["POST /hotline/{id:guid}/messages"] = Need.HotlineWrite,
        ["POST /hotline/{id:guid}/acknowledgements"] = Need.HotlineWrite,
        ["GET /api/activities/"] = Need.Hotline,
        ["GET /api/activities/flags"] = Need.Read,
        ["POST /api/activities/"] = Need.HotlineWrite,
        ["GET /activities"] = Need.Hotline,
        ["POST /activities"] = Need.HotlineWrite,
        ["GET /api/handover/timeline"] = Need.Read,
        ["POST /api/handover/plans"] = Need.PlanHandover,
        ["POST /api/handover/phases"] = Need.PlanHandover,
        ["POST /api/handover/handovers"] = Need.PlanHandover,
        ["GET /api/handover/handovers/{id:guid}"] = Need.Read,
        ["POST /api/handover/handovers/{id:guid}/transitions"] = Need.PlanHandover,
        ["POST /api/handover/handovers/{id:guid}/checklist/{itemId:guid}"] = Need.TrackCommitments,
        ["POST /api/handover/handovers/{id:guid}/signoffs"] = Need.SignOff,
        ["GET /api/handover/handovers/{id:guid}/certificate.txt"] = Need.Read,
        ["GET /api/handover/handovers/{id:guid}/certificate.pdf"] = Need.Read,
        ["GET /api/handover/calendar.ics"] = Need.Read,
        ["GET /api/handover/map.geojson"] = Need.Read,
        ["GET /api/handover/risk"] = Need.Read,
        ["GET /api/commitments/"] = Need.Read,
        ["POST /api/commitments/"] = Need.TrackCommitments,
        ["POST /api/commitments/{id:guid}/status"] = Need.TrackCommitments,
        ["GET /api/hazardous-areas/"] = Need.Read,
        ["POST /api/hazardous-areas/"] = Need.TrackCommitments,
        ["POST /api/hazardous-areas/{id:guid}/status"] = Need.TrackCommitments,
        // The humanitarian registers: everyone reads (each record as its visibility allows); partners, analysts and administrators write.
        ["GET /api/readiness/"] = Need.Read,
        ["GET /api/readiness/map"] = Need.Read,
        ["GET /readiness"] = Need.Read,
        ["GET /api/services/"] = Need.Read,
        ["POST /api/services/"] = Need.WriteRegisters,
        ["POST /api/hazardous-areas/{id:guid}/release"] = Need.WriteRegisters,
        ["GET /api/registers/{register}.csv"] = Need.Read,
        ["GET /api/hazardous-areas/map"] = Need.Read,
        ["GET /api/assets/"] = Need.Read,
        ["POST /api/assets/"] = Need.WriteRegisters,
        ["GET /api/damage-assessments/"] = Need.Read,
        ["POST /api/damage-assessments/"] = Need.WriteRegisters,
        ["GET /api/rehabilitation-projects/"] = Need.Read,
        ["POST /api/rehabilitation-projects/"] = Need.WriteRegisters,
        ["POST /api/hazardous-areas/{id:guid}/devices"] = Need.WriteRegisters,
        ["POST /api/hazardous-areas/{id:guid}/tasks"] = Need.WriteRegisters,
        // The registers' pages: everyone reads them; their forms write as the API does.
        ["GET /registers/infrastructure"] = Need.Read,
        ["POST /registers/infrastructure/assets"] = Need.WriteRegisters,
        ["POST /registers/infrastructure/damage"] = Need.WriteRegisters,
        ["POST /registers/infrastructure/projects"] = Need.WriteRegisters,
        ["GET /registers/mine-action"] = Need.Read,
        ["POST /registers/mine-action/devices"] = Need.WriteRegisters,
        ["POST /registers/mine-action/tasks"] = Need.WriteRegisters,
        ["GET /handover"] = Need.Read,
        ["GET /handover/{id:guid}"] = Need.Read,
        ["GET /handover/{id:guid}/certificate"] = Need.Read,
        ["POST /handover/{id:guid}/transitions"] = Need.PlanHandover,
        ["POST /handover/{id:guid}/signoffs"] = Need.SignOff,
        ["POST /handover/{id:guid}/checklist/{itemId:guid}"] = Need.TrackCommitments,
        ["GET /commitments"] = Need.Read,
        ["POST /commitments/{id:guid}/status"] = Need.TrackCommitments,
        ["GET /openrosa/formList"] = Need.Submit,
        ["GET /openrosa/forms/{formId}"] = Need.Submit,
        ["HEAD /openrosa/submission"] = Need.Submit,
        ["POST /openrosa/submission"] = Need.Submit,
        ["GET /field"] = Need.Read,
        ["POST /api/field/sessions"] = Need.Read,
        ["DELETE /api/field/sessions/current"] = Need.SignedIn,
        ["PUT /api/observations/{id:guid}/evidence/{sha256}"] = Need.Submit,
        ["GET /public/"] = Need.Read,
        ["GET /public/reports/{report:guid}"] = Need.Read,
        ["POST /public/reports/{report:guid}/comments"] = Need.Read,
        ["GET /public/archive"] = Need.Read,
        ["GET /public/search"] = Need.Read,
        ["GET /public/feed.atom"] = Need.Read,
        ["GET /public/reports/{report:guid}/pdf"] = Need.Read,
        ["GET /public/map"] = Need.Read,
        ["GET /api/public/grid"] = Need.Read,
        ["POST /public/language"] = Need.Read,
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
        ["GET /api/webhooks/"] = Need.ManageWebhooks,
        ["POST /api/webhooks/"] = Need.ManageWebhooks,
        ["GET /api/webhooks/{id:guid}/deliveries"] = Need.ManageWebhooks,
        ["POST /api/webhooks/{id:guid}/disable"] = Need.ManageWebhooks,
        ["GET /webhooks"] = Need.ManageWebhooks,
        ["POST /webhooks"] = Need.ManageWebhooks,
        ["POST /webhooks/{id:guid}/disable"] = Need.ManageWebhooks,
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
        // The hotline: the mission reads (a read-only token too), only the parties' liaisons write.
        Need.Hotline => who is Who.Monitor or Who.Analyst or Who.Administrator or Who.ReadOnlyMonitor or Who.LiaisonWest or Who.LiaisonEast,
        Need.HotlineWrite => who is Who.LiaisonWest or Who.LiaisonEast,
        Need.TrackCommitments => who is Who.Monitor or Who.Analyst or Who.Administrator,
        Need.PlanHandover => who is Who.Analyst or Who.Administrator,
        Need.SignOff => who is Who.LiaisonWest or Who.LiaisonEast,
        Need.WriteReports or Need.Moderate => who is Who.Analyst or Who.Administrator,
        Need.Reply => who is Who.LiaisonWest or Who.LiaisonEast,
        Need.WriteRegisters => who is Who.Humanitarian or Who.Analyst or Who.Administrator,
        // Administrators manage every subscription; a liaison its own party's (the matrix's subscription is west's).
        Need.ManageWebhooks => who is Who.Administrator or Who.LiaisonWest or Who.LiaisonEast,
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

    /// <summary>
    /// Who sees a hotline thread, written out by hand. The threads: west–east for the mission's three records, north–west
    /// for <see cref="Record.InternalByWest"/>, north–east for <see cref="Record.InternalByEast"/>; a liaison sees its own
    /// party's threads only, the mission every thread.
    /// </summary>
    private static bool SeesThread(Who who, Record record) => who switch
    {
        Who.Administrator or Who.Analyst or Who.Monitor or Who.ReadOnlyMonitor => true,
        Who.LiaisonWest => record is not Record.InternalByEast,
        Who.LiaisonEast => record is not Record.InternalByWest,
        _ => false,
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
        public Dictionary<Record, Guid> Threads { get; } = [];
        /// <summary>Per thread and party, a message of that thread addressed to that party (to acknowledge).</summary>
        public Dictionary<(Record, string), Guid> AddressedTo { get; } = [];
        public Guid Plan { get; set; }
        public Guid Phase { get; set; }
        public Guid Handover { get; set; }
        public Guid ChecklistItem { get; set; }
        public Guid Commitment { get; set; }
        public Guid HazardousArea { get; set; }
        public Dictionary<Who, string> ApiNames { get; } = [];
        /// <summary>A published report, and a comment on it held for moderation.</summary>
        public Guid Report { get; set; }
        public Guid Comment { get; set; }
        /// <summary>A webhook subscription of the west party's.</summary>
        public Guid Webhook { get; set; }
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
                    var expected = Expect(who, need, method, pattern, record, status);
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

    private static Expectation Expect(Who who, Need need, string method, string pattern, Record record, int status)
    {
        var api = pattern.StartsWith("/api", StringComparison.Ordinal) || pattern.StartsWith("/openapi", StringComparison.Ordinal) || pattern == "/healthz"
            || pattern.StartsWith("/openrosa", StringComparison.Ordinal);
        if (pattern == "/login" && status != 200)
        {
            return new("401 for a wrong password", (s, _) => s == 401);
        }
        if (pattern == "/api/field/sessions")
        {
            return new("422 for a wrong password", (s, _) => s == 422);
        }
        if (!May(who, need))
        {
            if (who == Who.Public)
            {
                return api ? new("401", (s, _) => s == 401) : new("redirect to /login", (s, l) => s == 302 && l?.StartsWith("/login", StringComparison.Ordinal) == true);
            }
            return new("403", (s, _) => s == 403);
        }
        // The handover plan, commitments and hazardous areas are the mission's reference data (ReadRule.Everyone): every
        // viewer sees them. Writes to them may be refused on their merits (an illegal move, a second sign-off): what
        // matters here is that the caller was let in. A sign-off needs a representative of a party the handover
        // names (pkf, authority, observers): neither liaison of the matrix is one, so each is refused.
        if (IsHandoverRoute(pattern) || IsRegisterRoute(pattern))
        {
            if (pattern.EndsWith("/signoffs", StringComparison.Ordinal))
            {
                return new("403 (not a party of this handover)", (s, _) => s == 403);
            }
            return method == "POST"
                ? new("let in (not 401/403/404)", (s, _) => s is >= 200 and < 500 and not 401 and not 403 and not 404)
                : new("allowed (2xx or 3xx)", (s, _) => s is >= 200 and < 400);
        }
        if (pattern.Contains("webhooks/{id", StringComparison.Ordinal))
        {
            // The subscription is west's: the administrators and west's liaison manage it; to east it does not exist.
            return who is Who.Administrator or Who.LiaisonWest
                ? new("allowed (2xx or 3xx)", (s, _) => s is >= 200 and < 400)
                : new("404", (s, _) => s == 404);
        }
        var recordScoped = pattern.Contains("{id", StringComparison.Ordinal) && !pattern.Contains("places/", StringComparison.Ordinal);
        var visible = !recordScoped || (pattern.Contains("hotline", StringComparison.Ordinal)
            ? SeesThread(who, record)
            : Sees(who, record, pattern.Contains("incidents", StringComparison.Ordinal)));
        if (pattern.EndsWith("/evidence/{sha256}", StringComparison.Ordinal))
        {
            visible &= who is not Who.Public and not Who.Humanitarian;
        }
        // Evidence is attached by the mission and by the side that submitted the report, not by the other side (issue 7, item 8).
        if (visible && pattern == "/api/observations/{id:guid}/evidence"
            && (who, record) is (Who.LiaisonWest, not Record.InternalByWest) or (Who.LiaisonEast, not Record.InternalByEast))
        {
            return new("403 (not its side's report)", (s, _) => s == 403);
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

    /// <summary>A plan with one handover (and its checklist item), a commitment and a hazardous area, made as an analyst would.</summary>
    private static async Task HandoverRecordsAsync(World world)
    {
        await using var db = world.App.Store.Open();
        db.Parties.AddRange(new Party { Id = "pkf", Name = "PKF", Kind = PartyKind.PeacekeepingForce },
            new Party { Id = "observers", Name = "Observers", Kind = PartyKind.Observers }, new Party { Id = "authority", Name = "Authority", Kind = PartyKind.LocalAuthority });
        db.Sites.Add(new Site { Id = "post1", Name = "Post", Latitude = 40, Longitude = 46, Cell = Truce.Geo.Geohash.Encode(40, 46) });
        await db.SaveChangesAsync();
        (world.Plan, world.Phase, world.Handover, world.Commitment, world.HazardousArea) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.True((await Truce.Handovers.HandoverPlanning.AddPlanAsync(db, Viewer.System, new() { Id = world.Plan, Name = "Plan" })).Succeeded);
        Assert.True((await Truce.Handovers.HandoverPlanning.AddPhaseAsync(db, Viewer.System,
            new() { Id = world.Phase, PlanId = world.Plan, Number = 1, Name = "One", StartsAt = "2026-11-20T00:00:00Z", EndsAt = "2026-12-20T00:00:00Z" })).Succeeded);
        Assert.True((await Truce.Handovers.HandoverPlanning.AddAsync(db, Viewer.System, new()
        {
            Id = world.Handover, PhaseId = world.Phase, Name = "Post to the authority", Sites = ["post1"], To = "authority", ScheduledAt = "2026-12-01T00:00:00Z", Checklist = ["Drill"],
        })).Succeeded);
        world.ChecklistItem = (await db.Set<Truce.Handovers.ChecklistItem>().SingleAsync()).Id;
        Assert.True((await Truce.Handovers.Commitments.AddAsync(db, Viewer.System,
            new() { Id = world.Commitment, Title = "Maps", Parties = ["west"], DueAt = "2026-12-01T00:00:00Z" })).Succeeded);
        using var square = System.Text.Json.JsonDocument.Parse(@"{""type"": ""Polygon"", ""coordinates"": [[[46, 40], [46.1, 40], [46.1, 40.1], [46, 40]]]}");
        Assert.True((await Truce.MineAction.HazardousAreas.AddAsync(db, Viewer.System,
            new() { Id = world.HazardousArea, Name = "Field", Area = square.RootElement.Clone() })).Succeeded);
    }

    /// <summary>The registers' lists and writes: each viewer reads the entries the policy shows it (tested in Humanitarian/); the writers are let in.</summary>
    private static bool IsRegisterRoute(string pattern) =>
        new[] { "/api/services", "/api/registers", "/api/assets", "/api/damage-assessments", "/api/rehabilitation-projects", "/registers/" }.Any(p => pattern.StartsWith(p, StringComparison.Ordinal));

    private static bool IsHandoverRoute(string pattern) =>
        pattern.Contains("handover", StringComparison.Ordinal) || pattern.Contains("commitments", StringComparison.Ordinal) || pattern.Contains("hazardous-areas", StringComparison.Ordinal);

    private static string HandoverRecord(World world, string pattern) =>
        (pattern.Contains("commitments", StringComparison.Ordinal) ? world.Commitment
            : pattern.Contains("hazardous-areas", StringComparison.Ordinal) ? world.HazardousArea : world.Handover).ToString();

    private static async Task<(int Status, string? Location, string? Challenge)> SendAsync(World world, Who who, string method, string pattern, Record record)
    {
        // OpenRosa clients (ODK Collect) send credentials with every request, as API clients do.
        var page = !pattern.StartsWith("/api", StringComparison.Ordinal) && !pattern.StartsWith("/openrosa", StringComparison.Ordinal);
        var client = page ? world.Browser[who] : world.Api[who];
        if (pattern == "/logout" && world.Roles.TryGetValue(who, out var person))
        {
            // Signing out ends the session: use a session of its own, not the one the other cases share.
            client = await world.App.SignInAsync($"{who}-{Guid.NewGuid():N}"[..30].ToLowerInvariant(), person.Role, person.Party);
        }
        if (pattern == "/api/field/sessions/current" && world.ApiNames.TryGetValue(who, out var owner))
        {
            // Ending a session revokes the token it is sent with: use a token of its own, not the one the other cases share.
            client = await world.App.TokenClientAsync(owner, who == Who.ReadOnlyMonitor ? TokenScope.Read : TokenScope.Write);
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
            .Replace("{formId}", "truce_observation", StringComparison.Ordinal)
            .Replace("{id}", "az-khankendi", StringComparison.Ordinal)
            .Replace("{register}", "services", StringComparison.Ordinal)
            .Replace("{itemId:guid}", world.ChecklistItem.ToString(), StringComparison.Ordinal)
            .Replace("{id:guid}", pattern.Contains("webhooks", StringComparison.Ordinal) ? world.Webhook.ToString()
                : IsHandoverRoute(pattern) ? HandoverRecord(world, pattern)
                : pattern.Contains("hotline", StringComparison.Ordinal) ? world.Threads[record].ToString()
                : pattern.Contains("incidents", StringComparison.Ordinal) ? incident.ToString() : observation.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = page
                ? new FormUrlEncodedContent(who == Who.RevokedToken ? new Dictionary<string, string>() : await FormAsync(world, client, who, pattern, record))
                : await ApiBodyAsync(world, who, pattern, record);
        }
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Headers.Location?.OriginalString, response.Headers.WwwAuthenticate.ToString());
    }

    private static async Task<HttpContent> ApiBodyAsync(World world, Who who, string pattern, Record record) => pattern switch
    {
        "/api/hotline/" => JsonContent.Create(new { id = Guid.NewGuid(), to = who == Who.LiaisonWest ? "east" : "west", subject = "Matrix", kind = "notice", body = "Matrix." }),
        "/api/activities/" => JsonContent.Create(new { id = Guid.NewGuid(), kind = "demining", latitude = 40.0, longitude = 46.9, radiusM = 500, startsAt = "2026-12-01T09:00:00Z", endsAt = "2026-12-01T15:00:00Z" }),
        "/api/hotline/{id:guid}/messages" => JsonContent.Create(new { id = Guid.NewGuid(), body = "Matrix." }),
        "/api/hotline/{id:guid}/acknowledgements" => JsonContent.Create(new { messageId = AddressedTo(world, who, record) }),
        "/api/observations/" => JsonContent.Create(Json.Observation()),
        "/api/observations/{id:guid}/evidence" => Evidence([9, 8, 7, (byte)record]),
        "/api/incidents/" => JsonContent.Create(new { id = Guid.NewGuid(), observationIds = new[] { await FreshObservationAsync(world, record) } }),
        "/api/incidents/{id:guid}/assessments" => JsonContent.Create(new { id = Guid.NewGuid(), sourceReliability = "B", informationCredibility = 3, rationale = "Matrix." }),
        "/api/incidents/{id:guid}/observations" => JsonContent.Create(new { observationIds = new[] { await FreshObservationAsync(world, record) } }),
        "/api/incidents/{id:guid}/split" => JsonContent.Create(new { id = Guid.NewGuid(), observationIds = new[] { await FreshObservationAsync(world, record) } }),
        "/api/incidents/{id:guid}/merge" => JsonContent.Create(new { incidentId = world.Incidents[Record.Published] }),
        "/api/handover/plans" => JsonContent.Create(new { id = Guid.NewGuid(), name = "Plan" }),
        "/api/handover/phases" => JsonContent.Create(new { id = Guid.NewGuid(), planId = world.Plan, number = 2, name = "Phase", startsAt = "2026-11-20T00:00:00Z", endsAt = "2026-12-20T00:00:00Z" }),
        "/api/handover/handovers" => JsonContent.Create(new { id = Guid.NewGuid(), phaseId = world.Phase, name = "H", sites = new[] { "post1" }, to = "authority", scheduledAt = "2026-12-01T00:00:00Z" }),
        "/api/handover/handovers/{id:guid}/transitions" => JsonContent.Create(new { to = "ready" }),
        "/api/handover/handovers/{id:guid}/checklist/{itemId:guid}" => JsonContent.Create(new { evidence = "Report 1" }),
        "/api/handover/handovers/{id:guid}/signoffs" => JsonContent.Create(new { certificateHash = new string('0', 64) }),
        "/api/commitments/" => JsonContent.Create(new { id = Guid.NewGuid(), title = "Maps", parties = new[] { "west" }, dueAt = "2026-12-01T00:00:00Z" }),
        "/api/commitments/{id:guid}/status" => JsonContent.Create(new { status = "met", reason = "Done" }),
        "/api/hazardous-areas/" => JsonContent.Create(new { id = Guid.NewGuid(), name = "Field", area = new { type = "Polygon", coordinates = new[] { new[] { new[] { 46.0, 40.0 }, new[] { 46.1, 40.0 }, new[] { 46.1, 40.1 }, new[] { 46.0, 40.0 } } } } }),
        "/api/hazardous-areas/{id:guid}/status" => JsonContent.Create(new { status = "cleared", reason = "EOD" }),
        "/openrosa/submission" => OpenRosaInstance(),
        "/api/field/sessions" => JsonContent.Create(new { name = "monitor", password = "wrong password", hours = 8 }),
        // The file the observation already cites: answered at once for whoever may add to it.
        "/api/observations/{id:guid}/evidence/{sha256}" => Chunk([1, 2, 3, (byte)record]),
        "/api/reports/" => JsonContent.Create(new { id = Guid.NewGuid(), kind = "daily", date = "2026-11-20" }),
        "/api/reports/{report:guid}/status" => JsonContent.Create(new { status = "published" }),
        "/api/hazardous-areas/{id:guid}/release" => JsonContent.Create(new { method = "reduced", areaM2 = 1200.5, date = "2026-11-30" }),
        "/api/services/" => JsonContent.Create(new { id = Guid.NewGuid(), place = "az-khankendi", service = "water", level = "partial", date = "2026-11-30", source = "Matrix" }),
        "/api/webhooks/" => JsonContent.Create(new { id = Guid.NewGuid(), url = "http://127.0.0.1:9/hook", events = new[] { "report.published" } }),
        "/api/webhooks/{id:guid}/disable" => JsonContent.Create(new { }),
        "/api/assets/" => JsonContent.Create(new { id = Guid.NewGuid(), name = "Matrix bridge", kind = "bridge", place = "az-khankendi" }),
        "/api/damage-assessments/" => JsonContent.Create(new { id = Guid.NewGuid(), asset = Guid.NewGuid(), level = "light", date = "2026-11-30", source = "Matrix" }),
        "/api/rehabilitation-projects/" => JsonContent.Create(new { id = Guid.NewGuid(), asset = Guid.NewGuid(), name = "Matrix", status = "planned" }),
        "/api/hazardous-areas/{id:guid}/devices" => JsonContent.Create(new { id = Guid.NewGuid(), deviceType = "mine", count = 1, date = "2026-11-30" }),
        "/api/hazardous-areas/{id:guid}/tasks" => JsonContent.Create(new { id = Guid.NewGuid(), organisation = "Matrix", starts = "2026-11-30" }),
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
            case "/language" or "/public/language":
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
            case "/handover/{id:guid}/transitions":
                form["to"] = "ready";
                break;
            case "/handover/{id:guid}/signoffs":
                form["certificateHash"] = new string('0', 64);
                break;
            case "/handover/{id:guid}/checklist/{itemId:guid}":
                form["evidence"] = "Report 1";
                break;
            case "/commitments/{id:guid}/status":
                form["status"] = "met"; form["reason"] = "Done";
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
            case "/hotline":
                form["id"] = Guid.NewGuid().ToString(); form["to"] = who == Who.LiaisonWest ? "east" : "west";
                form["subject"] = "Matrix"; form["kind"] = "notice"; form["body"] = "Matrix.";
                break;
            case "/activities":
                form["id"] = Guid.NewGuid().ToString(); form["kind"] = "rotation"; form["latitude"] = "40.0"; form["longitude"] = "46.9";
                form["radiusM"] = "500"; form["startsAt"] = "2026-12-01T09:00"; form["endsAt"] = "2026-12-01T15:00";
                break;
            case "/hotline/{id:guid}/messages":
                form["id"] = Guid.NewGuid().ToString(); form["body"] = "Matrix.";
                break;
            case "/hotline/{id:guid}/acknowledgements":
                form["messageId"] = AddressedTo(world, who, record).ToString();
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
            case "/webhooks":
                form["id"] = Guid.NewGuid().ToString(); form["url"] = "http://127.0.0.1:9/hook"; form["events"] = "report.published";
                break;
            case "/webhooks/{id:guid}/disable":
                break;
            case "/registers/infrastructure/assets":
                form["id"] = Guid.NewGuid().ToString(); form["name"] = "Matrix bridge"; form["kind"] = "bridge"; form["place"] = "az-khankendi";
                break;
            case "/registers/infrastructure/damage":
                form["id"] = Guid.NewGuid().ToString(); form["asset"] = Guid.NewGuid().ToString(); form["level"] = "light"; form["date"] = "2026-11-30"; form["source"] = "Matrix";
                break;
            case "/registers/infrastructure/projects":
                form["id"] = Guid.NewGuid().ToString(); form["asset"] = Guid.NewGuid().ToString(); form["name"] = "Matrix"; form["status"] = "planned";
                break;
            case "/registers/mine-action/devices":
                form["id"] = Guid.NewGuid().ToString(); form["area"] = world.HazardousArea.ToString(); form["deviceType"] = "mine"; form["count"] = "1"; form["date"] = "2026-11-30";
                break;
            case "/registers/mine-action/tasks":
                form["id"] = Guid.NewGuid().ToString(); form["area"] = world.HazardousArea.ToString(); form["organisation"] = "Matrix"; form["starts"] = "2026-11-30";
                break;
            default:
                throw new InvalidOperationException($"No sample form for POST {pattern}: add one to the access matrix test.");
        }
        return form;
    }

    /// <summary>A message of the record's thread addressed to this viewer's party (any id when there is none: the thread is then hidden from it).</summary>
    private static Guid AddressedTo(World world, Who who, Record record) =>
        world.Roles.TryGetValue(who, out var person) && person.Party is { } party && world.AddressedTo.TryGetValue((record, party), out var id) ? id : Guid.NewGuid();
    private static MultipartFormDataContent OpenRosaInstance()
    {
        var content = new MultipartFormDataContent();
        var xml = new StringContent($"<data id=\"truce_observation\"><observedAt>2026-11-29T06:00:00Z</observedAt><location>40.9 45.4 0 10</location>"
            + $"<category>explosion</category><sensor>heard</sensor><meta><instanceID>uuid:{Guid.NewGuid()}</instanceID></meta></data>");
        xml.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        content.Add(xml, "xml_submission_file", "instance.xml");
        return content;
    }

    private static ByteArrayContent Chunk(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, bytes.Length - 1, bytes.Length);
        return content;
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
        await Truce.Demo.DemoPlaces.LoadAsync(app.Store);
        await using (var db = app.Store.Open())
        {
            db.Parties.AddRange(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory }, new Party { Id = "east", Name = "East", Kind = PartyKind.Signatory },
                new Party { Id = "north", Name = "North", Kind = PartyKind.LocalAuthority });
            await db.SaveChangesAsync();
        }
        var world = new World { App = app };
        await HandoverRecordsAsync(world);
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
            world.ApiNames[who] = name;
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
        world.ApiNames[Who.ReadOnlyMonitor] = "monitor";
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
        await BuildThreadsAsync(app, world, viewers);
        await using (var db = app.Store.Open())
        {
            var report = Guid.NewGuid();
            Assert.True((await Truce.Reports.Reports.GenerateAsync(db, viewers[Who.Analyst], new Truce.Reports.ReportInput { Id = report, Kind = "daily", Date = "2026-11-29" })).Succeeded);
            Assert.True((await Truce.Reports.Reports.MoveAsync(db, viewers[Who.Analyst], report, "review")).Succeeded);
            Assert.True((await Truce.Reports.Reports.MoveAsync(db, viewers[Who.Analyst], report, "published")).Succeeded);
            world.Report = report;
            world.Comment = (await Truce.Reports.Comments.SubmitAsync(db, report, new Truce.Reports.CommentInput("Reader", "Held.", null))).Value!.Id;
            world.Webhook = Guid.NewGuid();
            var westLiaison = new Viewer(Guid.NewGuid(), "west-hooks", Role.Liaison, "west");
            Assert.True((await Truce.Webhooks.Subscriptions.CreateAsync(db, westLiaison,
                new Truce.Webhooks.SubscriptionInput(world.Webhook, "http://127.0.0.1:9/west", ["hotline.message"], null))).Succeeded);
        }
        return world;
    }

    /// <summary>The hotline threads of <see cref="SeesThread"/>, each with a message addressed to each of its parties.</summary>
    private static async Task BuildThreadsAsync(TruceApp app, World world, Dictionary<Who, Viewer> viewers)
    {
        Viewer north;
        await using (var db = app.Store.Open())
        {
            Assert.True((await Users.AddAsync(db, "north", Role.Liaison, "north", Users.NewPassword())).Succeeded);
            north = Users.ViewerOf(await db.Users.SingleAsync(u => u.Name == "north"));
        }
        foreach (var record in Enum.GetValues<Record>())
        {
            var (from, to) = record switch
            {
                Record.InternalByWest => (north, "west"),
                Record.InternalByEast => (north, "east"),
                _ => (viewers[Who.LiaisonWest], "east"),
            };
            await using var db = app.Store.Open();
            var thread = await Threads.StartAsync(db, from, HotlineDeadlines.Default, new ThreadInput
            {
                Id = Guid.NewGuid(), To = to, Subject = $"Matrix {record}", Kind = "protest", Body = "Matrix.",
            });
            var started = thread.Value!.Record;
            world.Threads[record] = started.Id;
            world.AddressedTo[(record, to)] = started.Messages[0].Id;
            if (from.PartyId == "west")
            {
                var reply = await Threads.SendAsync(db, viewers[Who.LiaisonEast], HotlineDeadlines.Default, started.Id, new MessageInput { Id = Guid.NewGuid(), Body = "Reply." });
                world.AddressedTo[(record, "west")] = reply.Value!.Record.Id;
            }
        }
    }
}
