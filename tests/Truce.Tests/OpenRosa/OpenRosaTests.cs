using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Tests.OpenRosa;

/// <summary>
/// ODK Collect as a client: the form list, the form, and submissions posted as Collect posts them (multipart with
/// the instance in 'xml_submission_file' and each attachment in a part named after its file; a long submission
/// split over several posts, each repeating the instance, all but the last marked '*isIncomplete*').
/// </summary>
public sealed class OpenRosaTests
{
    private static readonly XNamespace Response = "http://openrosa.org/http/response";
    private static readonly XNamespace Forms = "http://openrosa.org/xforms/xformsList";
    private static readonly XNamespace XForms = "http://www.w3.org/2002/xforms";

    /// <summary>An instance as Collect writes it: the form's root with its id and version, the answers, meta/instanceID.</summary>
    private static string Instance(string instanceId, string category = "explosion", string location = "40.9 45.4 1204.5 8.4", string extra = "") =>
        "<?xml version='1.0' ?><data id=\"truce_observation\" version=\"1\" xmlns:h=\"http://www.w3.org/1999/xhtml\" "
        + "xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:odk=\"http://www.opendatakit.org/xforms\" xmlns:orx=\"http://openrosa.org/xforms\">"
        + "<observedAt>2026-11-29T09:30:00.000+04:00</observedAt><timePrecision>exact</timePrecision>"
        + $"<location>{location}</location><bearingDeg/><distanceM/><areaName>Checkpoint 4</areaName>"
        + $"<category>{category}</category><count>3</count><sensor>heard</sensor>"
        + "<civiliansKilled/><civiliansInjured>1</civiliansInjured><combatantsKilled/><combatantsInjured/>"
        + "<allegedParty>west</allegedParty><weather>clear</weather><viewRangeM/><narrative>Three blasts, one wounded.</narrative>"
        + $"<photo>1764394200000.jpg</photo><audio>1764394260000.m4a</audio>{extra}<meta><instanceID>{instanceId}</instanceID></meta></data>";

    private static MultipartFormDataContent Post(string instance, bool incomplete = false, params (string Name, byte[] Bytes, string Type)[] files)
    {
        var body = new MultipartFormDataContent();
        var xml = new ByteArrayContent(Encoding.UTF8.GetBytes(instance));
        xml.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        body.Add(xml, "xml_submission_file", "truce_observation_2026-11-29_09-30-00.xml");
        foreach (var (name, bytes, type) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            body.Add(file, name, name);
        }
        if (incomplete)
        {
            body.Add(new StringContent("yes"), "*isIncomplete*");
        }
        return body;
    }

    /// <summary>Collect's client: Basic with the user's name and a token as the password (it sends Basic over HTTPS only).</summary>
    private static async Task<HttpClient> CollectAsync(TruceApp app, string name = "patrol1")
    {
        await using var db = app.Store.Open();
        Assert.True((await Users.AddAsync(db, name, Role.Monitor, null, Users.NewPassword())).Succeeded);
        var token = await Users.CreateTokenAsync(db, name, TimeSpan.FromDays(1), name: "ODK Collect");
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{token.Value.Secret}")));
        client.DefaultRequestHeaders.Add("X-OpenRosa-Version", "1.0");
        return client;
    }

    private static async Task AddPartiesAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Parties.AddRange(new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory }, new Party { Id = "east", Name = "East", Kind = PartyKind.Signatory });
        await db.SaveChangesAsync();
    }

    private static async Task<XElement> MessageAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1.0", response.Headers.GetValues("X-OpenRosa-Version").Single());
        var document = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Response + "OpenRosaResponse", document.Name);
        return document.Element(Response + "message")!;
    }

    [Fact]
    public async Task The_form_list_names_the_observation_form_by_the_md5_of_what_its_download_url_serves()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await AddPartiesAsync(app);
        var collect = await CollectAsync(app);

        using var list = await collect.GetAsync("/openrosa/formList");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("1.0", list.Headers.GetValues("X-OpenRosa-Version").Single());
        var form = XElement.Parse(await list.Content.ReadAsStringAsync()).Element(Forms + "xform")!;
        Assert.Equal("truce_observation", form.Element(Forms + "formID")!.Value);
        var download = new Uri(form.Element(Forms + "downloadUrl")!.Value);
        Assert.Equal("/openrosa/forms/truce_observation", download.AbsolutePath);
        var bytes = await collect.GetByteArrayAsync(download.PathAndQuery);
#pragma warning disable CA5351 // OpenRosa names a form by its MD5.
        Assert.Equal("md5:" + Convert.ToHexStringLower(MD5.HashData(bytes)), form.Element(Forms + "hash")!.Value);
#pragma warning restore CA5351

        var xform = XDocument.Parse(Encoding.UTF8.GetString(bytes));
        var data = xform.Descendants(XForms + "instance").Single().Element(XForms + "data")!;
        Assert.Equal(form.Element(Forms + "version")!.Value, (string?)data.Attribute("version"));
        // The bounds come from the rules: a count is 1 to 100 000, a bearing below 360.
        var binds = xform.Descendants(XForms + "bind").ToDictionary(b => (string)b.Attribute("nodeset")!);
        Assert.Equal(". >= 1 and . <= 100000", (string?)binds["/data/count"].Attribute("constraint"));
        Assert.Equal(". >= 0 and . < 360", (string?)binds["/data/bearingDeg"].Attribute("constraint"));
        Assert.Equal("true()", (string?)binds["/data/category"].Attribute("required"));
        Assert.Equal("uid", (string?)binds["/data/meta/instanceID"].Attribute(XNamespace.Get("http://openrosa.org/javarosa") + "preload"));
        // Every category is a choice, each party too, and every label is there in the four languages.
        var categories = xform.Descendants(XForms + "select1").Single(s => (string?)s.Attribute("ref") == "/data/category")
            .Elements(XForms + "item").Select(i => i.Element(XForms + "value")!.Value).ToList();
        Assert.Equal(Slug.All<Truce.Monitoring.Category>().Order(), categories.Order());
        var parties = xform.Descendants(XForms + "select1").Single(s => (string?)s.Attribute("ref") == "/data/allegedParty")
            .Elements(XForms + "item").Select(i => i.Element(XForms + "value")!.Value).ToList();
        Assert.Equal(["east", "west"], parties);
        var translations = xform.Descendants(XForms + "translation").ToList();
        Assert.Equal(4, translations.Count);
        string Label(string language, string id) => translations.Single(t => ((string)t.Attribute("lang")!).EndsWith($"({language})", StringComparison.Ordinal))
            .Elements(XForms + "text").Single(t => (string?)t.Attribute("id") == id).Element(XForms + "value")!.Value;
        Assert.Equal("Explosion", Label("en", "category:explosion"));
        Assert.NotEqual(Label("en", "category:explosion"), Label("ru", "category:explosion"));
        Assert.NotEqual(Label("en", "photo:label"), Label("hy", "photo:label"));
    }

    [Fact]
    public async Task Collect_is_asked_to_sign_in_with_basic_and_then_told_how_large_a_post_may_be()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["Evidence:MaxBytes"] = "5000000" });
        var anonymous = app.CreateClient();
        var collect = await CollectAsync(app);
        var stranger = await CollectAsync(app, "patrol2");
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("patrol1:" + collect.DefaultRequestHeaders.Authorization!.Parameter![..4])));

        using var challenge = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/openrosa/submission"));
        using var wrong = await stranger.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/openrosa/submission"));
        using var head = await collect.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/openrosa/submission?deviceID=collect%3Aabc"));

        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.Contains(challenge.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains(wrong.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Equal(HttpStatusCode.NoContent, head.StatusCode);
        Assert.Equal("5000000", head.Headers.GetValues("X-OpenRosa-Accept-Content-Length").Single());
        Assert.Equal("1.0", head.Headers.GetValues("X-OpenRosa-Version").Single());
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_resubmission_is_received_again_and_stores_nothing_twice(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await AddPartiesAsync(app);
        var collect = await CollectAsync(app);
        var id = Guid.NewGuid();
        var photo = RandomNumberGenerator.GetBytes(30_000);
        var audio = RandomNumberGenerator.GetBytes(20_000);

        using var first = await collect.PostAsync("/openrosa/submission", Post(Instance($"uuid:{id}"), false, ("1764394200000.jpg", photo, "image/jpeg"), ("1764394260000.m4a", audio, "audio/mp4")));
        using var again = await collect.PostAsync("/openrosa/submission", Post(Instance($"uuid:{id}"), false, ("1764394200000.jpg", photo, "image/jpeg"), ("1764394260000.m4a", audio, "audio/mp4")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("submit_success", (string?)(await MessageAsync(first)).Attribute("nature"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        await using var db = app.Store.Open();
        var observation = await db.Observations.Include(o => o.Evidence).SingleAsync();
        Assert.Equal(id, observation.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 5, 30, 0, TimeSpan.Zero), observation.ObservedFrom);
        Assert.Equal(Truce.Monitoring.Category.Explosion, observation.Category);
        Assert.Equal((40.9, 45.4, 9), (observation.Latitude, observation.Longitude, observation.LocationPrecisionM));
        Assert.Equal((3, 1, "west"), (observation.Count, observation.CiviliansInjured, observation.AllegedPartyId));
        Assert.Equal($"uuid:{id}", observation.SourceExternalId);
        Assert.Equal(
            new[] { Convert.ToHexStringLower(SHA256.HashData(photo)), Convert.ToHexStringLower(SHA256.HashData(audio)) }.Order(),
            observation.Evidence.Select(e => e.Sha256).Order());
        Assert.Equal(2, await db.EvidenceFiles.CountAsync());
        Assert.Equal(1, await db.Journal.CountAsync(e => e.Entity == "observations"));
    }

    [Fact]
    public async Task Attachments_split_over_several_posts_join_their_one_report()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await AddPartiesAsync(app);
        var collect = await CollectAsync(app);
        var instance = Instance($"uuid:{Guid.NewGuid()}");
        var photo = RandomNumberGenerator.GetBytes(40_000);
        var audio = RandomNumberGenerator.GetBytes(40_000);

        using var part1 = await collect.PostAsync("/openrosa/submission", Post(instance, incomplete: true, ("1764394200000.jpg", photo, "image/jpeg")));
        using var part2 = await collect.PostAsync("/openrosa/submission", Post(instance, incomplete: false, ("1764394260000.m4a", audio, "audio/mp4")));

        Assert.Equal(HttpStatusCode.Created, part1.StatusCode);
        Assert.Equal(HttpStatusCode.Created, part2.StatusCode);
        await using var db = app.Store.Open();
        var observation = await db.Observations.Include(o => o.Evidence).SingleAsync();
        Assert.Equal(["1764394200000.jpg", "1764394260000.m4a"], observation.Evidence.Select(e => e.FileName).Order());
        Assert.Equal(["audio/mp4", "image/jpeg"], observation.Evidence.Select(e => e.ContentType).Order());
    }

    [Theory]
    [InlineData("<data id=\"truce_observation\"><category>explosion</data>", HttpStatusCode.BadRequest, "xml_submission_file")]
    [InlineData("<!DOCTYPE data [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><data id=\"truce_observation\">&x;</data>", HttpStatusCode.BadRequest, "xml_submission_file")]
    [InlineData("<data id=\"another_form\"><meta><instanceID>uuid:1</instanceID></meta></data>", HttpStatusCode.UnprocessableEntity, "another_form")]
    [InlineData("BROKEN-CATEGORY", HttpStatusCode.UnprocessableEntity, "category")]
    [InlineData("BROKEN-LOCATION", HttpStatusCode.UnprocessableEntity, "location")]
    [InlineData("NO-INSTANCE-ID", HttpStatusCode.UnprocessableEntity, "instanceID")]
    public async Task A_malformed_or_invalid_submission_is_answered_with_an_error_document_and_writes_nothing(string xml, HttpStatusCode status, string named)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await AddPartiesAsync(app);
        var collect = await CollectAsync(app);
        var instance = xml switch
        {
            "BROKEN-CATEGORY" => Instance($"uuid:{Guid.NewGuid()}", category: "gunfire"),
            "BROKEN-LOCATION" => Instance($"uuid:{Guid.NewGuid()}", location: "forty five"),
            "NO-INSTANCE-ID" => Instance("").Replace("<instanceID></instanceID>", "<instanceID/>", StringComparison.Ordinal),
            _ => xml,
        };
        await using (var db = app.Store.Open())
        {
            var before = await db.Journal.CountAsync();
            using var response = await collect.PostAsync("/openrosa/submission", Post(instance, false, ("1764394200000.jpg", [1, 2, 3], "image/jpeg")));

            Assert.Equal(status, response.StatusCode);
            var message = await MessageAsync(response);
            Assert.Equal("error", (string?)message.Attribute("nature"));
            Assert.Contains(named, message.Value, StringComparison.Ordinal);
            Assert.Equal(0, await db.Observations.CountAsync());
            Assert.Equal(0, await db.EvidenceFiles.CountAsync());
            Assert.Equal(before, await db.Journal.CountAsync());
        }
    }

    [Fact]
    public async Task An_oversized_attachment_or_a_body_that_is_not_multipart_is_refused_before_anything_is_written()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["Evidence:MaxBytes"] = "1000" });
        var collect = await CollectAsync(app);

        using var large = await collect.PostAsync("/openrosa/submission", Post(Instance($"uuid:{Guid.NewGuid()}").Replace("<allegedParty>west</allegedParty>", "<allegedParty/>", StringComparison.Ordinal), false, ("big.jpg", new byte[1001], "image/jpeg")));
        using var plain = await collect.PostAsync("/openrosa/submission", new StringContent(Instance($"uuid:{Guid.NewGuid()}"), Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("big.jpg", (await MessageAsync(large)).Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("xml_submission_file", (await MessageAsync(plain)).Value, StringComparison.Ordinal);
        await using var db = app.Store.Open();
        Assert.Equal(0, await db.Observations.CountAsync());
    }

    [Fact]
    public async Task Another_instance_under_a_used_instance_id_is_a_conflict_and_a_non_uuid_id_maps_to_one_observation()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await AddPartiesAsync(app);
        var collect = await CollectAsync(app);
        var id = $"uuid:{Guid.NewGuid()}";

        using var first = await collect.PostAsync("/openrosa/submission", Post(Instance(id)));
        using var changed = await collect.PostAsync("/openrosa/submission", Post(Instance(id, category: "small_arms_fire")));
        using var enketo = await collect.PostAsync("/openrosa/submission", Post(Instance("enketo:a7Fq2")));
        using var enketoAgain = await collect.PostAsync("/openrosa/submission", Post(Instance("enketo:a7Fq2")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("error", (string?)(await MessageAsync(changed)).Attribute("nature"));
        Assert.Equal(HttpStatusCode.Created, enketo.StatusCode);
        Assert.Equal(HttpStatusCode.Created, enketoAgain.StatusCode);
        await using var db = app.Store.Open();
        Assert.Equal(2, await db.Observations.CountAsync());
        Assert.Equal(1, await db.Observations.CountAsync(o => o.SourceExternalId == "enketo:a7Fq2"));
    }

    [Fact]
    public async Task Basic_credentials_are_refused_outside_openrosa_and_a_reader_may_not_submit()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var collect = await CollectAsync(app);
        await using (var db = app.Store.Open())
        {
            Assert.True((await Users.AddAsync(db, "partner", Role.Humanitarian, null, Users.NewPassword())).Succeeded);
        }
        var partner = await CollectAsyncAs(app, "partner");

        using var api = await collect.GetAsync("/api/observations");
        using var refused = await partner.PostAsync("/openrosa/submission", Post(Instance($"uuid:{Guid.NewGuid()}")));

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_is_not_accepted_by_openrosa_which_asks_for_basic_or_a_token()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var browser = await app.SignInAsync("monitor.cookie", Role.Monitor);

        using var page = await browser.GetAsync("/api/observations/00000000-0000-0000-0000-000000000001");
        using var list = await browser.GetAsync("/openrosa/formList");
        using var submitted = await browser.PostAsync("/openrosa/submission", Post(Instance($"uuid:{Guid.NewGuid()}")));

        // The same cookie is good elsewhere (a 404 for a record that is not there, not a 401)...
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        // ...but /openrosa answers as to a stranger, offering the schemes it takes.
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, submitted.StatusCode);
        Assert.Contains(submitted.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Contains(submitted.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        await using var db = app.Store.Open();
        Assert.Equal(0, await db.Observations.CountAsync());
    }

    [Fact]
    public async Task One_per_minute_limit_counts_files_alike_whether_sent_in_parts_by_openrosa_or_as_multipart()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:EvidencePerMinute"] = "3" });
        await AddPartiesAsync(app);
        var collect = await CollectAsync(app);
        var api = await app.TokenClientAsync("patrol1");
        var report = Json.Observation();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/observations", report)).StatusCode);
        var id = (Guid)report["id"]!;

        // One file in three parts counts once...
        var photo = RandomNumberGenerator.GetBytes(30_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(photo));
        var parts = new List<HttpStatusCode>();
        foreach (var (from, to) in new[] { (0, 9_999), (10_000, 19_999), (20_000, 29_999) })
        {
            var part = new ByteArrayContent(photo[from..(to + 1)]);
            part.Headers.ContentRange = new ContentRangeHeaderValue(from, to, photo.Length);
            using var answer = await api.PutAsync($"/api/observations/{id}/evidence/{sha}?name=p.jpg", part);
            parts.Add(answer.StatusCode);
        }
        // ...an OpenRosa post with two attachments counts two, which makes three...
        using var submitted = await collect.PostAsync("/openrosa/submission", Post(Instance($"uuid:{Guid.NewGuid()}"), false,
            ("1764394200000.jpg", [1, 2, 3], "image/jpeg"), ("1764394260000.m4a", [4, 5, 6], "audio/mp4")));
        // ...so the next file is refused whichever way it comes, and nothing of it is written.
        var another = RandomNumberGenerator.GetBytes(100);
        var start = new ByteArrayContent(another);
        start.Headers.ContentRange = new ContentRangeHeaderValue(0, 99, 100);
        using var chunked = await api.PutAsync($"/api/observations/{id}/evidence/{Convert.ToHexStringLower(SHA256.HashData(another))}", start);
        var multipart = new MultipartFormDataContent { { new ByteArrayContent([7, 8, 9]), "file", "late.jpg" } };
        using var posted = await api.PostAsync($"/api/observations/{id}/evidence", multipart);
        using var late = await collect.PostAsync("/openrosa/submission", Post(Instance($"uuid:{Guid.NewGuid()}"), false, ("1764394200000.jpg", [9, 9], "image/jpeg")));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Created], parts);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, chunked.StatusCode);
        Assert.True(chunked.Headers.RetryAfter is not null, "a refusal says when to try again");
        Assert.Equal(HttpStatusCode.TooManyRequests, posted.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, late.StatusCode);
        Assert.Equal("error", (await MessageAsync(late)).Attribute("nature")!.Value);
        await using var db = app.Store.Open();
        Assert.Equal(3, await db.ObservationEvidence.CountAsync());
        Assert.Equal(2, await db.Observations.CountAsync());
    }

    private static async Task<HttpClient> CollectAsyncAs(TruceApp app, string existing)
    {
        await using var db = app.Store.Open();
        var token = await Users.CreateTokenAsync(db, existing, TimeSpan.FromDays(1));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{existing}:{token.Value.Secret}")));
        return client;
    }
}
