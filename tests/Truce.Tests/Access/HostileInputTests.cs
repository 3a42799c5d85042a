using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Access;

/// <summary>Hostile and broken input: every answer is a 4xx problem detail, never a 5xx, and nothing a user wrote is rendered unescaped.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private TruceApp _app = default!;
    private HttpClient _admin = default!;
    private Guid _observation;
    private Guid _incident;

    public async ValueTask InitializeAsync()
    {
        _app = await TruceApp.StartAsync(Engine.Sqlite, demo: true, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SubmissionsPerMinute"] = "0", ["Evidence:MaxBytes"] = "100000",
        });
        _admin = await _app.ClientAsync("admin2", Role.Administrator);
        var body = Json.Observation();
        await _admin.PostAsync("/api/observations", body);
        _observation = (Guid)body["id"]!;
        _incident = Guid.NewGuid();
        await _admin.PostAsync("/api/incidents", new { id = _incident, observationIds = new[] { _observation } });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string[] JsonEndpoints => ["/api/observations", "/api/incidents", $"/api/incidents/{_incident}/assessments"];

    public static TheoryData<string, string> Bodies => new()
    {
        { "invalid UTF-8", "\u0001" },
        { "deeply nested", new string('[', 5000) + new string(']', 5000) },
        { "deeply nested object", string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000) },
        { "huge number", "{\"id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"latitude\":1e400,\"longitude\":1e400,\"count\":99999999999999999999}" },
        { "wrong types", "{\"id\":12,\"observationIds\":\"all\",\"latitude\":true,\"informationCredibility\":\"one\"}" },
        { "null", "null" },
        { "empty", "" },
        { "a string", "\"hello\"" },
        { "truncated", "{\"id\": \"7c9e6679" },
        { "duplicate keys", "{\"id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"id\":\"8c9e6679-7425-40de-944b-e07fc1f90ae7\"}" },
        { "NUL in strings", "{\"id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"narrative\":\"a\\u0000b\",\"title\":\"\\u0000\"}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Malformed_json_bodies_get_a_4xx_problem_on_every_json_endpoint(string name, string body)
    {
        foreach (var path in JsonEndpoints)
        {
            var bytes = name == "invalid UTF-8" ? new byte[] { 0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D } : Encoding.UTF8.GetBytes(body);
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await _admin.PostAsync(path, content);
            AssertProblem(response, $"{name} to {path}");
        }
    }

    [Fact]
    public async Task An_oversized_body_or_the_wrong_content_type_is_refused()
    {
        var big = new StringContent("{\"narrative\":\"" + new string('x', 2_000_000) + "\"}", Encoding.UTF8, "application/json");
        var oversized = await _admin.PostAsync("/api/observations", big);
        var plain = await _admin.PostAsync("/api/observations", new StringContent("id=1", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        AssertProblem(plain, "text/plain");
    }

    [Fact]
    public async Task Broken_multipart_uploads_are_refused()
    {
        var path = $"/api/observations/{_observation}/evidence";
        var noBoundary = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc"));
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        var truncated = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc"));
        truncated.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        var noFile = new MultipartFormDataContent { { new StringContent("hello"), "note" } };
        var traversal = new MultipartFormDataContent();
        traversal.Add(new ByteArrayContent([1, 2, 3]), "file", "../../../../etc/passwd");
        var tooBig = new MultipartFormDataContent();
        tooBig.Add(new ByteArrayContent(new byte[200_000]), "file", "big.bin");

        AssertProblem(await _admin.PostAsync(path, noBoundary), "no boundary");
        AssertProblem(await _admin.PostAsync(path, truncated), "truncated");
        AssertProblem(await _admin.PostAsync(path, noFile), "no file");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _admin.PostAsync(path, tooBig)).StatusCode);
        var stored = await _admin.PostAsync(path, traversal);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal("passwd", (await Json.ReadAsync(stored)).GetProperty("fileName").GetString());
    }

    private static readonly string[] Scripts =
    [
        "<script>alert('t')</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "</textarea><script>x()</script>",
        "{{7*7}}", "'; DROP TABLE observations; --",
    ];

    [Fact]
    public async Task Script_in_every_text_field_is_stored_as_text_and_rendered_escaped()
    {
        var body = Json.Observation();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var payload = $"{marker}<script>alert('{marker}')</script>\"><img src=x onerror=alert(1)>";
        foreach (var field in new[] { "areaName", "weather", "narrative", "source", "sourceExternalId" })
        {
            body[field] = payload;
        }
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsync("/api/observations", body)).StatusCode);
        var incident = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsync("/api/incidents", new { id = incident, observationIds = new[] { body["id"] }, title = payload })).StatusCode);
        var stored = await Json.ReadAsync(await _admin.GetAsync($"/api/observations/{body["id"]}"));
        Assert.Equal(payload, stored.GetProperty("narrative").GetString());

        var browser = await _app.SignInAsync("analyst-x", Role.Analyst);
        foreach (var page in new[] { $"/observations/{body["id"]}", "/observations", $"/incidents/{incident}", "/incidents", "/" })
        {
            var html = await browser.GetStringAsync(page);
            Assert.DoesNotContain($"<script>alert('{marker}')", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            if (page.Contains(body["id"]!.ToString()!, StringComparison.Ordinal) || page.Contains(incident.ToString(), StringComparison.Ordinal))
            {
                Assert.Contains($"{marker}&lt;script&gt;", html, StringComparison.Ordinal);
            }
        }
    }

    private static Gen<string> Nasty() => Gen.OneOf(
        Gen.Elements(Scripts),
        Gen.Elements("", " ", "\u0000", "\uFFFF", "\uD800", "1e400", "-1", "NaN", "Infinity", "99999999999999999999", "0x10", "[]", "{}", "null",
            "2026-02-30T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "../..", "%00", "%", "&&", "=", "\r\n", new string('9', 400)),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Random_field_values_never_cause_a_5xx() =>
        Prop.ForAll(Gen.ArrayOf(Nasty(), 8).ToArbitrary(), values =>
        {
            var fields = new[] { "observedAt", "latitude", "longitude", "category", "sensor", "allegedParty", "narrative", "timePrecision" };
            var body = new StringBuilder("{\"id\":\"").Append(Guid.NewGuid()).Append('"');
            for (var i = 0; i < fields.Length; i++)
            {
                body.Append(",\"").Append(fields[i]).Append("\":").Append(i % 3 == 0 ? values[i] : System.Text.Json.JsonSerializer.Serialize(values[i]));
            }
            body.Append('}');
            var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
            var status = (int)_admin.PostAsync("/api/observations", content).GetAwaiter().GetResult().StatusCode;
            var query = string.Join('&', values.Select((v, i) => $"{new[] { "category", "from", "to", "page", "pageSize", "party", "status", "incident" }[i]}={Uri.EscapeDataString(v)}"));
            var list = (int)_admin.GetAsync($"/api/incidents?{query}").GetAwaiter().GetResult().StatusCode;
            var page = (int)_admin.GetAsync($"/observations?{query}").GetAwaiter().GetResult().StatusCode;
            return (status < 500 && list < 500 && page < 500).Label($"submit {status}, list {list}, page {page}: {body}");
        });

    private static void AssertProblem(HttpResponseMessage response, string what)
    {
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
