using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Api;

/// <summary>
/// What a client can rely on from every endpoint: credentials that fail are refused (RFC 6750), a body is read
/// field by field and refused by field name, errors follow one convention, a period may be given as dates.
/// </summary>
public sealed class ApiConventionTests
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_unknown_expired_or_revoked_token_is_a_401_with_invalid_token_even_on_a_public_get()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        string expired, revoked;
        await using (var db = app.Store.Open())
        {
            Assert.True((await Users.AddAsync(db, "monitor1", Role.Monitor, null, Users.NewPassword())).Succeeded);
            expired = (await Users.CreateTokenAsync(db, "monitor1", TimeSpan.FromHours(1))).Value.Secret;
            var toRevoke = await Users.CreateTokenAsync(db, "monitor1", TimeSpan.FromDays(1));
            revoked = toRevoke.Value.Secret;
            Assert.True((await Users.RevokeTokenAsync(db, toRevoke.Value.Token.Id)).Succeeded);
        }
        app.Clock.Advance(TimeSpan.FromHours(2));

        foreach (var (what, secret) in new[] { ("unknown", "truce_not-a-real-token"), ("expired", expired), ("revoked", revoked) })
        {
            foreach (var path in new[] { "/api/observations", "/api/parties", "/healthz", "/", "/openapi/v1.json" })
            {
                var client = app.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what} token on {path}: {(int)response.StatusCode}");
                Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            }
        }
        // Without credentials the public endpoints answer the public, and a protected one asks for a token.
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/observations")).StatusCode);
        var asked = await anonymous.PostAsync("/api/observations", Json.Observation());
        Assert.Equal(HttpStatusCode.Unauthorized, asked.StatusCode);
        Assert.Equal("Bearer", asked.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("""{"latitude": "abc"}""", "latitude", "must be a number, not the text \"abc\".")]
    [InlineData("""{"count": 2.5}""", "count", "must be a whole number, not the number 2.5.")]
    [InlineData("""{"id": "x"}""", "id", "must be a UUID")]
    [InlineData("""{"category": 5}""", "category", "must be text (a JSON string), not the number 5.")]
    [InlineData("""{"colour": "red"}""", "colour", "is not a field of this request")]
    [InlineData("""{"Latitude": true}""", "latitude", "must be a number, not true.")]
    public async Task A_body_that_cannot_be_read_is_a_400_naming_the_field_what_it_takes_and_what_came(string json, string field, string message)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);

        var response = await monitor.PostAsync("/api/observations", Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.StartsWith(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_names_stay_case_insensitive_and_every_unknown_field_is_named_at_once()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();
        body["CATEGORY"] = body["category"];
        body.Remove("category");

        Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", body)).StatusCode);

        body = Json.Observation();
        body["colour"] = "red";
        body["observed_at"] = "2026-11-29T06:40:00Z";
        var refused = await monitor.PostAsync("/api/observations", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["colour", "observed_at"], (await Json.ProblemFieldsAsync(refused)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("G", 2, "sourceReliability", "must be one of A, B, C, D, E, F")]
    [InlineData("A", 9, "informationCredibility", "must be one of 1, 2, 3, 4, 5, 6")]
    public async Task An_out_of_range_grade_says_what_is_allowed(string reliability, int credibility, string field, string message)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var observation = await analyst.PostAsync("/api/observations", Json.Observation());
        var observationId = (await Json.ReadAsync(observation)).GetProperty("id").GetGuid();
        var incident = await analyst.PostAsync("/api/incidents", new { id = Guid.NewGuid(), observationIds = new[] { observationId } });
        var incidentId = (await Json.ReadAsync(incident)).GetProperty("id").GetGuid();

        var response = await analyst.PostAsync($"/api/incidents/{incidentId}/assessments",
            new { id = Guid.NewGuid(), sourceReliability = reliability, informationCredibility = credibility, rationale = "Seen." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_follow_one_convention_400_for_any_bad_query_parameter_a_sentence_as_title_no_empty_errors()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var anonymous = app.CreateClient();

        string[] badQueries =
        [
            "/api/observations?from=yesterday", "/api/observations?near=site:nowhere&radius_km=5", "/api/incidents?zone=nowhere",
            "/api/incidents?status=done", "/api/metrics?from=2000-01-01&to=2019-01-01", "/api/metrics?groupBy=week",
            "/api/corroboration/proposals?to=soon", "/api/observations?from=2019-02-01&to=2019-01-01",
        ];
        foreach (var query in badQueries)
        {
            var response = await analyst.GetAsync(query);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.NotEmpty(await Json.ProblemFieldsAsync(response));
            AssertSentence((await Json.ReadAsync(response)).GetProperty("title").GetString(), query);
        }

        var missing = await anonymous.GetAsync($"/api/observations/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = await Json.ReadAsync(missing);
        Assert.False(notFound.TryGetProperty("errors", out _), "a 404 carries no errors");
        AssertSentence(notFound.GetProperty("title").GetString(), "404");
        var unauthorized = await Json.ReadAsync(await anonymous.PostAsync("/api/observations", Json.Observation()));
        AssertSentence(unauthorized.GetProperty("title").GetString(), "401");
    }

    private static void AssertSentence(string? title, string where)
    {
        Assert.False(string.IsNullOrEmpty(title), where);
        Assert.True(char.IsUpper(title[0]) && title.EndsWith('.'), $"{where}: title '{title}' is not a sentence.");
    }

    [Theory]
    [InlineData("/api/observations")]
    [InlineData("/api/incidents")]
    public async Task A_plain_date_is_the_whole_of_that_day_in_utc(string list)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        foreach (var at in new[] { "2026-11-26T23:59:59Z", "2026-11-27T00:00:00Z", "2026-11-27T23:59:59.999Z", "2026-11-28T00:00:00Z" })
        {
            var body = Json.Observation();
            body["observedAt"] = at;
            body["visibility"] = "public";
            var created = await Json.ReadAsync(await analyst.PostAsync("/api/observations", body));
            if (list == "/api/incidents")
            {
                await analyst.PostAsync("/api/incidents", new { id = Guid.NewGuid(), observationIds = new[] { created.GetProperty("id").GetGuid() }, visibility = "public" });
            }
        }

        var response = await analyst.GetAsync($"{list}?from=2026-11-27&to=2026-11-27");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await Json.ReadAsync(response)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Metrics_and_proposals_take_dates_and_metrics_default_to_the_pages_thirty_days()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);

        var byDates = await Json.ReadAsync(await analyst.GetAsync("/api/metrics?from=2019-01-01&to=2019-01-31"));
        var unset = await Json.ReadAsync(await analyst.GetAsync("/api/metrics"));
        var page = await app.CreateClient().GetStringAsync("/metrics");
        var proposals = await analyst.GetAsync("/api/corroboration/proposals?from=2026-11-01&to=2026-11-29");

        Assert.Equal(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), byDates.GetProperty("from").GetDateTimeOffset());
        // A report's period is half-open [from, to): the end of the plain date 2019-01-31 is the next midnight.
        Assert.Equal(new DateTimeOffset(2019, 2, 1, 0, 0, 0, TimeSpan.Zero), byDates.GetProperty("to").GetDateTimeOffset());
        // The test clock stands at 2026-11-29 10:00 UTC: the last 30 days, today included.
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero), unset.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), unset.GetProperty("to").GetDateTimeOffset());
        Assert.Contains("2026-10-31", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, proposals.StatusCode);
    }
}
