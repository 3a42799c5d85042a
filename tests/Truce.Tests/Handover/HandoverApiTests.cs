using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;
using Truce.Access;
using Truce.Handovers;
using Truce.Journal;
using Truce.Storage;

namespace Truce.Tests.Handover;

public sealed class HandoverApiTests
{
    private static async Task<(Guid Phase, Guid Commitment)> PlanAsync(HttpClient analyst, HttpClient monitor)
    {
        var plan = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/handover/plans", new { id = plan, name = "Withdrawal" })).StatusCode);
        var phase = Guid.NewGuid();
        var phaseBody = new { id = phase, planId = plan, number = 1, name = "First", startsAt = "2026-11-25T00:00:00Z", endsAt = "2026-12-31T00:00:00Z" };
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/handover/phases", phaseBody)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync("/api/handover/phases", phaseBody)).StatusCode);
        var commitment = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/commitments",
            new { id = commitment, title = "Exchange of minefield maps", parties = new[] { "west", "east" }, dueAt = "2026-11-20T00:00:00Z" })).StatusCode);
        return (phase, commitment);
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient analyst, Guid handover, string to, string? reason = null, bool? @override = null) =>
        analyst.PostAsync($"/api/handover/handovers/{handover}/transitions", new { to, reason, @override });

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_handover_cannot_complete_while_a_violation_near_it_is_verified_and_completes_with_a_journaled_override(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var incident = await HandoverWorld.BuildAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var (phase, commitment) = await PlanAsync(analyst, monitor);
        var handover = Guid.NewGuid();
        var body = new
        {
            id = handover, phaseId = phase, name = "Post One to the authority", sites = new[] { HandoverWorld.Post }, to = "authority",
            scheduledAt = "2026-12-02T09:00:00Z", quietRadiusKm = 10, quietDays = 14, commitments = new[] { commitment }, checklist = new[] { "Joint patrol" },
        };
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/handover/handovers", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync("/api/handover/handovers", body)).StatusCode);

        // The public sees the published violation too (at its coarsened position, within 3.6 km of where it was).
        var seen = await Json.ReadAsync(await app.CreateClient().GetAsync($"/api/handover/handovers/{handover}"));
        Assert.False(seen.GetProperty("gates")[0].GetProperty("passed").GetBoolean());
        var read = await Json.ReadAsync(await analyst.GetAsync($"/api/handover/handovers/{handover}"));
        var gates = read.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("kind").GetString()!, g => g);
        Assert.False(gates["quiet"].GetProperty("passed").GetBoolean());
        Assert.Equal(incident.ToString(), gates["quiet"].GetProperty("evidence")[0].GetProperty("id").GetString());
        Assert.True(gates["hazards"].GetProperty("passed").GetBoolean());
        Assert.False(gates["commitments"].GetProperty("passed").GetBoolean());
        Assert.False(gates["checklist"].GetProperty("passed").GetBoolean());

        var skip = await MoveAsync(analyst, handover, "completed", "in a hurry", true);
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Equal(["to"], await Json.ProblemFieldsAsync(skip));
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(analyst, handover, "ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(analyst, handover, "in_progress")).StatusCode);

        var refused = await MoveAsync(analyst, handover, "completed");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["override"], await Json.ProblemFieldsAsync(refused));
        var reasonless = await MoveAsync(analyst, handover, "completed", null, true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reasonless.StatusCode);
        Assert.Equal(["reason"], await Json.ProblemFieldsAsync(reasonless));
        await using (var db = app.Store.Open())
        {
            Assert.Equal(2, await db.Set<HandoverTransition>().CountAsync(t => t.HandoverId == handover));
            Assert.Equal("pkf", (await db.Sites.SingleAsync(s => s.Id == HandoverWorld.Post)).HeldByPartyId);
        }

        var done = await MoveAsync(analyst, handover, "completed", "Agreed by both parties at the joint commission", true);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var transition = await Json.ReadAsync(done);
        Assert.Equal(["quiet", "commitments", "checklist"], transition.GetProperty("overriddenGates").EnumerateArray().Select(g => g.GetString()));
        await using (var db = app.Store.Open())
        {
            Assert.Equal("authority", (await db.Sites.SingleAsync(s => s.Id == HandoverWorld.Post)).HeldByPartyId);
            var entries = await db.Journal.Where(e => e.Entity == "handover_transition").ToListAsync();
            Assert.Contains(entries, e => e.After!.Contains("Agreed by both parties", StringComparison.Ordinal) && e.After.Contains("quiet commitments checklist", StringComparison.Ordinal));
            Assert.True((await JournalVerifier.VerifyAsync(db)).Holds);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(analyst, handover, "postponed", "too late")).StatusCode);
    }

    [Fact]
    public async Task Only_a_representative_of_a_party_of_the_handover_signs_and_the_certificate_checks_offline()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await HandoverWorld.BuildAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var (phase, _) = await PlanAsync(analyst, await app.ClientAsync("monitor1", Role.Monitor));
        var handover = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/handover/handovers", new
        {
            id = handover, phaseId = phase, name = "Post One to the observers", sites = new[] { HandoverWorld.Post }, to = "observers", scheduledAt = "2026-12-02T09:00:00Z",
        })).StatusCode);
        var text = await app.CreateClient().GetStringAsync($"/api/handover/handovers/{handover}/certificate.txt");
        var hash = text.Split('\n').Single(l => l.StartsWith("content sha256: ", StringComparison.Ordinal))["content sha256: ".Length..];

        var west = await app.ClientAsync("liaison.west", Role.Liaison, "west");
        var outsider = await west.PostAsync($"/api/handover/handovers/{handover}/signoffs", new { certificateHash = hash });
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal(["party"], await Json.ProblemFieldsAsync(outsider));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/handover/handovers/{handover}/signoffs", new { certificateHash = hash })).StatusCode);

        var observers = await app.ClientAsync("liaison.observers", Role.Liaison, "observers");
        var stale = await observers.PostAsync($"/api/handover/handovers/{handover}/signoffs", new { certificateHash = new string('0', 64) });
        Assert.Equal(["certificateHash"], await Json.ProblemFieldsAsync(stale));
        Assert.Equal(HttpStatusCode.OK, (await observers.PostAsync($"/api/handover/handovers/{handover}/signoffs", new { certificateHash = hash })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await observers.PostAsync($"/api/handover/handovers/{handover}/signoffs", new { certificateHash = hash })).StatusCode);

        var signed = await app.CreateClient().GetStringAsync($"/api/handover/handovers/{handover}/certificate.txt");
        Assert.Contains("signed off", signed, StringComparison.Ordinal);
        Assert.Contains("sites: post1 (Post One, 40, 46)", signed, StringComparison.Ordinal);
        var publicKey = JournalExport.PublicKeyOf(Convert.FromBase64String(File.ReadAllText(Path.Combine(app.DataFolder, "journal-signing.key")).Trim()));
        Assert.Null(HandoverCertificate.Check(signed, publicKey));
        Assert.NotNull(HandoverCertificate.Check(signed.Replace("liaison.observers", "liaison.observerz", StringComparison.Ordinal), publicKey));
        Assert.NotNull(HandoverCertificate.Check(signed, JournalExport.NewKey().Public));

        var pdf = await app.CreateClient().GetAsync($"/api/handover/handovers/{handover}/certificate.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfReader.Open(await pdf.Content.ReadAsStreamAsync(), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.Equal($"content sha256 {hash}", document.Info.Subject);
    }

    [Fact]
    public async Task The_certificate_pdf_shows_armenian_cyrillic_and_azerbaijani_letters_and_a_heading_in_the_readers_language()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await HandoverWorld.BuildAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var (phase, _) = await PlanAsync(analyst, await app.ClientAsync("monitor1", Role.Monitor));
        var handover = Guid.NewGuid();
        const string name = "Հանձնում Передача Təhvil";
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/handover/handovers", new
        {
            id = handover, phaseId = phase, name, sites = new[] { HandoverWorld.Post }, to = "observers", scheduledAt = "2026-12-02T09:00:00Z",
        })).StatusCode);

        var text = await PdfText.OfAsync(await app.CreateClient().GetByteArrayAsync($"/api/handover/handovers/{handover}/certificate.pdf?lang=hy"));

        Assert.Contains("Փոխանցման վկայագիր", text, StringComparison.Ordinal);
        Assert.Contains(name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schedule_reads_back_in_an_independent_icalendar_parser()
    {
        if (!PythonHasIcalendar())
        {
            Assert.SkipWhen(!TestEnvironment.InCi, "python3 with the icalendar module is not installed (Debian: python3-icalendar).");
            Assert.Fail("CI=true but python3-icalendar is missing: .ci/run must install it.");
        }
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await HandoverWorld.BuildAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var (phase, _) = await PlanAsync(analyst, await app.ClientAsync("monitor1", Role.Monitor));
        var handover = Guid.NewGuid();
        await analyst.PostAsync("/api/handover/handovers", new
        {
            id = handover, phaseId = phase, name = "Post One, «handed over»; to the authority", sites = new[] { HandoverWorld.Post }, to = "authority", scheduledAt = "2026-12-02T09:00:00Z",
        });
        var file = Path.Combine(app.DataFolder, "schedule.ics");
        await File.WriteAllBytesAsync(file, await app.CreateClient().GetByteArrayAsync("/api/handover/calendar.ics"));

        var parsed = Python($"import icalendar,sys\nc=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\nfor e in c.walk('VEVENT'): print(e['UID'], '|', e['SUMMARY'], '|', e.decoded('DTSTART').isoformat())", file);

        Assert.Contains($"handover-{handover}@localhost | Handover: Post One, «handed over»; to the authority | 2026-12-02T09:00:00+00:00", parsed, StringComparison.Ordinal);
        Assert.Contains($"| Phase 1: First | 2026-11-25T00:00:00+00:00", parsed, StringComparison.Ordinal);
    }

    private static bool PythonHasIcalendar()
    {
        try
        {
            return Python("import icalendar") is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Python(string script, params string[] args)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException(error);
    }

    [Fact]
    public async Task Commitments_and_hazardous_areas_refuse_bad_input_by_field_and_keep_their_history()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await HandoverWorld.BuildAsync(app);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var commitment = Guid.NewGuid();
        Assert.Equal(["parties[0]"], await Json.ProblemFieldsAsync(await monitor.PostAsync("/api/commitments",
            new { id = commitment, title = "Return of remains", parties = new[] { "pkf" }, dueAt = "2026-11-20T00:00:00Z" })));
        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/commitments",
            new { id = commitment, title = "Return of remains", parties = new[] { "west" }, dueAt = "2026-11-20T00:00:00Z" })).StatusCode);
        var listed = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/commitments"));
        Assert.True(listed[0].GetProperty("overdue").GetBoolean());

        var reasonless = await monitor.PostAsync($"/api/commitments/{commitment}/status", new { status = "met" });
        Assert.Equal(["reason"], await Json.ProblemFieldsAsync(reasonless));
        Assert.Equal(HttpStatusCode.OK, (await monitor.PostAsync($"/api/commitments/{commitment}/status", new { status = "partly_met", reason = "Three of five returned" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await monitor.PostAsync($"/api/commitments/{commitment}/status", new { status = "met", reason = "All returned", evidence = "https://example.org/act-12" })).StatusCode);
        var liaison = await app.ClientAsync("liaison.west", Role.Liaison, "west");
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsync($"/api/commitments/{commitment}/status", new { status = "missed", reason = "no" })).StatusCode);
        await using (var db = app.Store.Open())
        {
            var history = await Commitments.HistoryAsync(db, commitment);
            Assert.Equal([(CommitmentStatus.Pending, CommitmentStatus.PartlyMet), (CommitmentStatus.PartlyMet, CommitmentStatus.Met)], history.Select(h => (h.From, h.To)));
        }

        var unclosed = await monitor.PostAsync("/api/hazardous-areas", new
        {
            id = Guid.NewGuid(), name = "Field", area = new { type = "Polygon", coordinates = new[] { new[] { new[] { 46.0, 40.0 }, new[] { 46.1, 40.0 }, new[] { 46.1, 40.1 }, new[] { 46.0, 40.1 } } } },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unclosed.StatusCode);
        Assert.Equal(["area.coordinates[0]"], await Json.ProblemFieldsAsync(unclosed));
        var bowTie = await monitor.PostAsync("/api/hazardous-areas", new
        {
            id = Guid.NewGuid(), name = "Field", area = new { type = "Polygon", coordinates = new[] { new[] { new[] { 46.0, 40.0 }, new[] { 46.1, 40.1 }, new[] { 46.1, 40.0 }, new[] { 46.0, 40.1 }, new[] { 46.0, 40.0 } } } },
        });
        Assert.Equal(["area.coordinates"], await Json.ProblemFieldsAsync(bowTie));
        await using (var db = app.Store.Open())
        {
            Assert.Equal(0, await db.Set<Truce.MineAction.HazardousArea>().CountAsync());
        }
        var area = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/hazardous-areas", new
        {
            id = area, name = "Field", area = new { type = "Polygon", coordinates = new[] { new[] { new[] { 46.0, 40.0 }, new[] { 46.1, 40.0 }, new[] { 46.1, 40.1 }, new[] { 46.0, 40.0 } } } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await monitor.PostAsync($"/api/hazardous-areas/{area}/status", new { status = "cleared", reason = "EOD team, 3 items" })).StatusCode);
        var hazards = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/hazardous-areas"));
        Assert.Equal("cleared", hazards[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_pages_show_the_timeline_the_gates_and_refuse_an_illegal_move_on_the_page()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await HandoverWorld.BuildAsync(app);
        var analystApi = await app.ClientAsync("analyst1", Role.Analyst);
        var (phase, _) = await PlanAsync(analystApi, await app.ClientAsync("monitor1", Role.Monitor));
        var handover = Guid.NewGuid();
        await analystApi.PostAsync("/api/handover/handovers", new
        {
            id = handover, phaseId = phase, name = "Post One to the authority", sites = new[] { HandoverWorld.Post }, to = "authority", scheduledAt = "2026-12-02T09:00:00Z",
        });
        var browser = await app.SignInAsync("analyst.web", Role.Analyst);

        var timeline = await browser.GetStringAsync("/handover");
        Assert.Contains($"/handover/{handover}", timeline, StringComparison.Ordinal);
        Assert.Contains("gate-fail", timeline, StringComparison.Ordinal);
        var token = await Forms.TokenAsync(browser, $"/handover/{handover}");
        var page = await browser.PostAsync($"/handover/{handover}/transitions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["to"] = "completed",
        }));
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("<code>to</code>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/handover/{handover}/certificate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/commitments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/handover/{Guid.NewGuid()}")).StatusCode);
    }
}
