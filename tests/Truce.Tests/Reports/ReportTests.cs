using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Geo;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Reports;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Reports;

/// <summary>Situation reports from generation to the public site: figures, numbering, workflow, comments, feed, PDF.</summary>
public sealed class ReportTests
{
    private const string Source = "patrol-seven-source";
    private const string InternalTitle = "Internal-only sighting";
    private static readonly Guid Disputed = Guid.NewGuid();

    // The test clock stands at 2026-11-29 10:00 UTC; the daily report is of 2026-11-28, the previous period 2026-11-27.
    private static async Task SeedAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Parties.Add(new Party { Id = "east", Name = "Eastern forces", Kind = PartyKind.Signatory });
        db.Zones.Add(new Zone
        {
            Id = "north", Name = "Northern buffer", Kind = ZoneKind.Buffer,
            GeometryJson = """{"type":"Polygon","coordinates":[[[45.0,40.8],[45.5,40.8],[45.5,41.1],[45.0,41.1],[45.0,40.8]]]}""",
        });
        Guid Add(string at, Category category, IncidentStatus status, string title = "Shelling near Kamo", string? party = null,
            Visibility visibility = Visibility.Public, Guid? id = null)
        {
            var when = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
            var incident = new Incident
            {
                Id = id ?? Guid.NewGuid(), Title = title, Category = category, Status = status, StartsAt = when, EndsAt = when,
                Latitude = 40.91234, Longitude = 45.23456, LocationPrecisionM = 100, Cell = Geohash.Encode(40.91234, 45.23456), ObservationCount = 1,
                SourceCount = 1, Visibility = visibility, AttributedPartyId = party, CreatedAt = when, UpdatedAt = when,
            };
            db.Incidents.Add(incident);
            return incident.Id;
        }
        var shelling = Add("2026-11-28T01:00:00Z", Category.Explosion, IncidentStatus.Verified, party: "east");
        Add("2026-11-28T05:00:00Z", Category.Explosion, IncidentStatus.Verified, party: "east");
        Add("2026-11-28T12:00:00Z", Category.SmallArmsFire, IncidentStatus.UnderReview);
        Add("2026-11-28T12:30:00Z", Category.FreedomOfMovementRestriction, IncidentStatus.Verified);
        Add("2026-11-28T12:00:00Z", Category.SmallArmsFire, IncidentStatus.Reported);                                    // not reviewed: not counted
        Add("2026-11-28T13:00:00Z", Category.Explosion, IncidentStatus.Verified, InternalTitle, visibility: Visibility.Internal); // the public never sees it
        Add("2026-11-28T14:00:00Z", Category.SmallArmsFire, IncidentStatus.Disputed, "Disputed fire", party: "east", id: Disputed);
        Add("2026-11-27T08:00:00Z", Category.Explosion, IncidentStatus.Verified);
        db.Observations.Add(new Observation
        {
            Id = Guid.NewGuid(), ObservedFrom = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero), ObservedTo = new DateTimeOffset(2026, 11, 28, 1, 5, 0, TimeSpan.Zero),
            Latitude = 40.91234, Longitude = 45.23456, LocationPrecisionM = 100, Cell = Geohash.Encode(40.91234, 45.23456), Category = Category.Explosion,
            Sensor = Sensor.Heard, CiviliansInjured = 2, Weather = "light snow", ViewRangeM = 3000, Source = Source, Visibility = Visibility.Public,
            IncidentId = shelling, ReceivedAt = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), Narrative = "Two explosions heard.",
        });
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> GenerateAsync(HttpClient analyst, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await analyst.PostAsJsonAsync("/api/reports", body);
        Assert.Equal(expected, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private static async Task<JsonElement> MoveAsync(HttpClient analyst, Guid id, string status, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await analyst.PostAsJsonAsync($"/api/reports/{id}/status", new { status });
        Assert.Equal(expected, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private static async Task<Guid> PublishedDailyAsync(HttpClient analyst, string date, string narrative = "Calm night.")
    {
        var id = Guid.NewGuid();
        await GenerateAsync(analyst, new { id, kind = "daily", date, narrative });
        await MoveAsync(analyst, id, "review");
        await MoveAsync(analyst, id, "published");
        return id;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_daily_report_states_what_the_public_metrics_page_states_and_is_numbered_when_published(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);

        var id = Guid.NewGuid();
        var draft = await GenerateAsync(analyst, new { id, kind = "daily", date = "2026-11-28", narrative = "A **quiet** day." });
        var metrics = await Json.ReadAsync(await app.CreateClient().GetAsync("/api/metrics?from=2026-11-28&to=2026-11-28&groupBy=category"));

        var figures = draft.GetProperty("figures");
        // Public, verified or under review, on the 28th: two explosions, small-arms fire, a restriction (not the internal or disputed ones).
        Assert.Equal(4, figures.GetProperty("total").GetInt32());
        Assert.Equal(metrics.GetProperty("total").GetInt32(), figures.GetProperty("total").GetInt32());
        Assert.Equal(1, figures.GetProperty("previousTotal").GetInt32());
        Assert.Equal(2, figures.GetProperty("explosions").GetInt32());
        Assert.Equal(1, figures.GetProperty("movementRestrictions").GetInt32());
        Assert.Equal(2, figures.GetProperty("casualties").GetProperty("civiliansInjured").GetInt32());
        Assert.Equal("light snow", figures.GetProperty("conditions").GetProperty("weather")[0].GetString());
        Assert.Equal(3000, figures.GetProperty("conditions").GetProperty("shortestViewM").GetInt32());
        var rows = figures.GetProperty("byCategory").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt32());
        var metricRows = metrics.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal(metricRows, rows);
        Assert.Null(draft.GetProperty("number").GetString());
        Assert.Equal("draft", draft.GetProperty("status").GetString());

        await MoveAsync(analyst, id, "published", HttpStatusCode.Conflict);
        await MoveAsync(analyst, id, "review");
        var first = await MoveAsync(analyst, id, "published");
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal("Daily Report 1/2026", first.GetProperty("title").GetString());
        var second = await Json.ReadAsync(await analyst.GetAsync($"/api/reports/{await PublishedDailyAsync(analyst, "2026-11-27")}"));
        Assert.Equal("Daily Report 2/2026", second.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_published_report_is_never_changed_and_a_correction_names_it()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var analyst = await app.SignInAsync("analyst1", Role.Analyst);
        var api = await app.ClientAsync("analyst2", Role.Analyst);
        var id = await PublishedDailyAsync(api, "2026-11-28");

        var token = await Forms.TokenAsync(analyst, "/reports");
        using var edit = await analyst.PostAsync($"/reports/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["narrative"] = "Rewritten.",
        }));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        await MoveAsync(api, id, "draft", HttpStatusCode.Conflict);
        await using (var db = app.Store.Open())
        {
            Assert.Equal("Calm night.", (await db.Set<Report>().SingleAsync(r => r.Id == id)).Narrative);
        }

        var correction = Guid.NewGuid();
        await GenerateAsync(api, new { id = correction, kind = "daily", date = "2026-11-28", narrative = "Corrected.", corrects = id });
        await MoveAsync(api, correction, "review");
        await MoveAsync(api, correction, "published");
        var page = await app.CreateClient().GetStringAsync($"/public/reports/{id}");
        Assert.Contains($"href=\"/public/reports/{correction}\"", page, StringComparison.Ordinal);
        await GenerateAsync(api, new { id = Guid.NewGuid(), kind = "daily", date = "2026-11-28", corrects = Guid.NewGuid() }, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_public_sees_a_report_only_once_published_and_the_parties_while_in_review()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var east = await app.ClientAsync("east-liaison", Role.Liaison, "east");
        var visitor = app.CreateClient();
        var id = Guid.NewGuid();
        await GenerateAsync(analyst, new { id, kind = "daily", date = "2026-11-28" });

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/public/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/api/reports/{id}")).StatusCode);
        await MoveAsync(analyst, id, "review");
        Assert.Equal(HttpStatusCode.OK, (await east.GetAsync($"/api/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/reports/{id}")).StatusCode);
        await MoveAsync(analyst, id, "published");
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/public/reports/{id}")).StatusCode);
        Assert.Contains($"/public/reports/{id}", await visitor.GetStringAsync("/public"), StringComparison.Ordinal);
        Assert.Contains($"/public/reports/{id}", await visitor.GetStringAsync("/public/archive?month=2026-11"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/public/archive?month=November")).StatusCode);
    }

    [Fact]
    public async Task A_disputed_attribution_carries_the_partys_reply_given_in_review()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var east = await app.SignInAsync("east-liaison", Role.Liaison, "east");
        var id = Guid.NewGuid();
        await GenerateAsync(analyst, new { id, kind = "daily", date = "2026-11-28" });
        await MoveAsync(analyst, id, "review");

        var token = await Forms.TokenAsync(east, $"/reports/{id}");
        using var reply = await east.PostAsync($"/reports/{id}/replies", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["incidentId"] = Disputed.ToString(), ["reply"] = "Our units were not in the area.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        await MoveAsync(analyst, id, "published");

        var page = await app.CreateClient().GetStringAsync($"/public/reports/{id}");
        Assert.Contains("Our units were not in the area.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_need_a_name_and_a_text_are_held_stripped_of_markup_and_appear_once_approved()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var id = await PublishedDailyAsync(await app.ClientAsync("analyst1", Role.Analyst), "2026-11-28");
        var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Task<HttpResponseMessage> Comment(string name, string text, string website = "") =>
            visitor.PostAsync($"/public/reports/{id}/comments", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["text"] = text, ["website"] = website }));

        using var nameless = await Comment("", "Thank you.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nameless.StatusCode);
        Assert.Contains("Please enter your name", await nameless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var empty = await Comment("Ani", "  ");
        Assert.Contains("Please enter your comment", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var bot = await Comment("Bot", "Buy now", website: "https://spam.example");
        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        using var held = await Comment("Ani", "Thank you <script>alert(1)</script><b>for this</b>.");
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Contains("held for moderation", await visitor.GetStringAsync(held.Headers.Location!.OriginalString), StringComparison.Ordinal);

        Guid commentId;
        await using (var db = app.Store.Open())
        {
            var stored = await db.Set<Comment>().SingleAsync();
            Assert.Equal(CommentStatus.Held, stored.Status);
            Assert.DoesNotContain("<", stored.Text, StringComparison.Ordinal);
            commentId = stored.Id;
        }
        Assert.DoesNotContain("for this", await visitor.GetStringAsync($"/public/reports/{id}"), StringComparison.Ordinal);

        var moderator = await app.SignInAsync("analyst2", Role.Analyst);
        var queue = await moderator.GetStringAsync("/reports/comments");
        Assert.Contains("for this", queue, StringComparison.Ordinal);
        using var approve = await moderator.PostAsync($"/reports/comments/{commentId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Forms.TokenAsync(moderator, "/reports/comments"), ["decision"] = "approved",
        }));
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var document = new HtmlParser().ParseDocument(await visitor.GetStringAsync($"/public/reports/{id}"));
        var comment = Assert.Single(document.QuerySelectorAll("#comments .comment-text"));
        Assert.StartsWith("Thank you", comment.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("for this.", comment.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("#comments script"));
    }

    [Fact]
    public async Task The_public_page_shows_no_source_staff_name_internal_record_or_precise_position_to_the_public_or_a_party()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var id = await PublishedDailyAsync(await app.ClientAsync("analyst-kim", Role.Analyst), "2026-11-28",
            "See [the map](https://example.org/map) <script>alert(1)</script> and [this](javascript:alert(1)).");
        var party = await app.SignInAsync("east-reader", Role.Liaison, "east");

        foreach (var (who, client) in new[] { ("public", app.CreateClient()), ("party", party) })
        {
            foreach (var path in new[] { "/public", $"/public/reports/{id}", "/public/archive?month=2026-11", "/public/feed.atom", $"/api/reports/{id}" })
            {
                var text = await client.GetStringAsync(path);
                Assert.False(text.Contains(Source, StringComparison.Ordinal), $"{path} as {who} shows the source");
                Assert.False(text.Contains("analyst-kim", StringComparison.Ordinal), $"{path} as {who} names an analyst");
                Assert.False(text.Contains(InternalTitle, StringComparison.Ordinal), $"{path} as {who} shows an internal incident");
                Assert.False(text.Contains("40.91234", StringComparison.Ordinal) || text.Contains("40.912", StringComparison.Ordinal), $"{path} as {who} shows a precise position");
            }
            // An independent HTML parser reads the page: one main landmark, one h1, no script from the narrative, no javascript: link.
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync($"/public/reports/{id}"));
            Assert.Single(document.QuerySelectorAll("main"));
            Assert.Equal("Daily Report 1/2026", document.QuerySelector("h1")!.TextContent);
            Assert.Empty(document.QuerySelectorAll(".narrative script"));
            Assert.Equal("https://example.org/map", document.QuerySelector(".narrative a")!.GetAttribute("href"));
            Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
            Assert.All(document.QuerySelectorAll("input:not([type=hidden]), textarea"), field =>
                Assert.NotNull(document.QuerySelector($"label[for='{field.Id}']")));
        }
    }

    [Fact]
    public async Task The_atom_feed_reads_in_an_independent_feed_parser_and_filters_by_zone_and_topic()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var withIncidents = await PublishedDailyAsync(analyst, "2026-11-28");
        await PublishedDailyAsync(analyst, "2026-11-20");
        var visitor = app.CreateClient();

        using var response = await visitor.GetAsync("/public/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var atom = await response.Content.ReadAsStringAsync();
        var zone = await visitor.GetStringAsync("/public/feed.atom?zone=north");
        Assert.Contains(withIncidents.ToString(), zone, StringComparison.Ordinal);
        Assert.Equal(1, zone.Split("<entry>").Length - 1);
        Assert.Equal(1, (await visitor.GetStringAsync("/public/feed.atom?topic=explosion")).Split("<entry>").Length - 1);

        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || !CanImportFeedparser(python))
        {
            Assert.SkipWhen(!TestEnvironment.InCi, "python3-feedparser is not installed (apt-get install python3-feedparser).");
            Assert.Fail("CI must install python3-feedparser (see .ci/run).");
        }
        var parsed = Run(python, "-c", "import sys, json, feedparser; f = feedparser.parse(sys.stdin.read()); print(json.dumps({'bozo': bool(f.bozo), 'version': f.version, 'titles': [e.title for e in f.entries], 'links': [e.link for e in f.entries]}))", atom);
        using var result = JsonDocument.Parse(parsed);
        Assert.False(result.RootElement.GetProperty("bozo").GetBoolean());
        Assert.Equal("atom10", result.RootElement.GetProperty("version").GetString());
        Assert.Equal(["Daily Report 1/2026", "Daily Report 2/2026"], result.RootElement.GetProperty("titles").EnumerateArray().Select(t => t.GetString()!).Order().ToArray());
        Assert.Contains(result.RootElement.GetProperty("links").EnumerateArray(), l => l.GetString()!.EndsWith($"/public/reports/{withIncidents}", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Search_finds_published_reports_holding_every_word_and_never_a_draft(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var shelling = await PublishedDailyAsync(analyst, "2026-11-28", "Shelling near the **northern** crossing.");
        var quiet = await PublishedDailyAsync(analyst, "2026-11-27", "A quiet night at the crossing.");
        await GenerateAsync(analyst, new { id = Guid.NewGuid(), kind = "daily", date = "2026-11-26", narrative = "Draft about the northern crossing." });
        var visitor = app.CreateClient();

        async Task<string[]> Found(string q) => [.. new HtmlParser().ParseDocument(await visitor.GetStringAsync($"/public/search?q={Uri.EscapeDataString(q)}"))
            .QuerySelectorAll("ol.reports a").Select(a => a.GetAttribute("href")!)];

        Assert.Equal([$"/public/reports/{shelling}"], await Found("northern crossing"));
        Assert.Equal(2, (await Found("crossing")).Length);
        Assert.Equal([$"/public/reports/{quiet}"], await Found("quiet"));
        Assert.Empty(await Found("\"quiet\" OR \"shelling\" NEAR("));
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync($"/public/search?q={new string('x', 201)}")).StatusCode);
    }

    [Fact]
    public async Task Every_published_report_has_a_pdf()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var id = await PublishedDailyAsync(await app.ClientAsync("analyst1", Role.Analyst), "2026-11-28", "Ночь прошла спокойно. Գիշերը հանգիստ էր։");

        using var response = await app.CreateClient().GetAsync($"/public/reports/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/public/reports/{Guid.NewGuid()}/pdf")).StatusCode);
    }

    [Fact]
    public async Task The_pdf_and_the_feed_say_their_own_words_in_the_readers_language()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var id = await PublishedDailyAsync(await app.ClientAsync("analyst1", Role.Analyst), "2026-11-28", "Ночь прошла спокойно. Գիշերը հանգիստ էր։ Gecə sakit keçdi.");
        var visitor = app.CreateClient();

        var armenian = await PdfText.OfAsync(await visitor.GetByteArrayAsync($"/public/reports/{id}/pdf?lang=hy"));
        using var azerbaijani = new HttpRequestMessage(HttpMethod.Get, $"/public/reports/{id}/pdf");
        azerbaijani.Headers.AcceptLanguage.ParseAdd("az");
        var azerbaijaniText = await PdfText.OfAsync(await (await visitor.SendAsync(azerbaijani)).Content.ReadAsByteArrayAsync());
        using var russian = new HttpRequestMessage(HttpMethod.Get, "/public/feed.atom");
        russian.Headers.AcceptLanguage.ParseAdd("ru");
        var feed = await (await visitor.SendAsync(russian)).Content.ReadAsStringAsync();

        // The PDF's headings in Armenian (or Azerbaijani), drawn in a font that has the letters; the narrative as written.
        Assert.Contains("Օրական զեկույց 1/2026", armenian, StringComparison.Ordinal);
        Assert.Contains("Ըստ կատեգորիայի", armenian, StringComparison.Ordinal);
        Assert.Contains("Միջադեպեր", armenian, StringComparison.Ordinal);
        Assert.Contains("Ночь прошла спокойно. Գիշերը հանգիստ էր։ Gecə sakit keçdi.", armenian, StringComparison.Ordinal);
        Assert.DoesNotContain("By category", armenian, StringComparison.Ordinal);
        Assert.Contains("Kateqoriyaya görə", azerbaijaniText, StringComparison.Ordinal);
        Assert.Contains("İnsidentlər", azerbaijaniText, StringComparison.Ordinal);
        // The feed's title, subtitle and entry titles in Russian, and its language declared.
        Assert.Contains("отчёты о ситуации</title>", feed, StringComparison.Ordinal);
        Assert.Contains("Опубликованные ежедневные и оперативные отчёты миссии.", feed, StringComparison.Ordinal);
        Assert.Contains("Ежедневный отчёт 1/2026</title>", feed, StringComparison.Ordinal);
        Assert.Contains("xml:lang=\"ru\"", feed, StringComparison.Ordinal);
    }

    private static bool CanImportFeedparser(string python)
    {
        try
        {
            Run(python, "-c", "import feedparser", "");
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Run(string file, string flag, string script, string input)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(flag);
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException(error);
    }
}
