using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Access;

/// <summary>
/// Instants at and beyond the representable range, on every parameter that takes one: a 4xx that names the
/// parameter, never a 500 from date arithmetic that overflows.
/// </summary>
public sealed class HostileInstantTests : IAsyncLifetime
{
    private TruceApp _app = default!;
    private HttpClient _analyst = default!;
    private HttpClient _browser = default!;
    private HttpClient _anonymous = default!;

    public async ValueTask InitializeAsync()
    {
        _app = await TruceApp.StartAsync(Engine.Sqlite, demo: true, settings: new Dictionary<string, string?> { ["RateLimits:SubmissionsPerMinute"] = "0" });
        _analyst = await _app.ClientAsync("analyst.i", Role.Analyst);
        _browser = await _app.SignInAsync("analyst.p", Role.Analyst);
        _anonymous = _app.CreateClient();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] Limits =
    [
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00-01:00", "0001-01-02T00:00:00Z",
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-01:00", "9999-12-31T23:59:59+14:00",
        "10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z", "-0001-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "2199-12-31T00:00:00Z",
        "0001-01-01", "9999-12-31", " ", "",
    ];

    /// <summary>Every GET parameter that takes an instant (or a date the page turns into one), and who asks.</summary>
    private (HttpClient Client, string Path, string Parameter)[] Parameters =>
    [
        (_anonymous, "/api/metrics", "from"), (_anonymous, "/api/metrics", "to"),
        (_anonymous, "/metrics", "from"), (_anonymous, "/metrics", "to"),
        (_analyst, "/api/corroboration/proposals", "from"), (_analyst, "/api/corroboration/proposals", "to"),
        (_browser, "/corroboration", "from"), (_browser, "/corroboration", "to"),
        (_anonymous, "/api/observations", "from"), (_anonymous, "/api/observations", "to"),
        (_anonymous, "/api/incidents", "from"), (_anonymous, "/api/incidents", "to"),
        (_anonymous, "/observations", "from"), (_anonymous, "/observations", "to"),
        (_anonymous, "/incidents", "from"), (_anonymous, "/incidents", "to"),
    ];

    [Fact]
    public async Task The_reviewers_year_one_and_year_9999_metrics_answer_4xx_naming_the_parameter()
    {
        foreach (var query in new[] { "to=0001-01-01T00:00:00Z", "to=9999-12-31T23:59:59Z", "from=0001-01-01T00:00:00Z&to=0001-01-02T00:00:00Z" })
        {
            var response = await _anonymous.GetAsync($"/api/metrics?{query}");
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{query}: {(int)response.StatusCode}");
            Assert.NotEmpty((await Json.ProblemFieldsAsync(response)).Intersect(["from", "to"]));
        }
    }

    [Fact]
    public async Task Every_instant_parameter_at_the_limits_answers_below_500_and_names_the_parameter()
    {
        foreach (var (client, path, parameter) in Parameters)
        {
            foreach (var value in Limits)
            {
                var other = parameter == "from" ? "to=2026-11-29T00:00:00Z" : "from=2026-11-01T00:00:00Z";
                var url = $"{path}?{parameter}={Uri.EscapeDataString(value)}&{other}";
                var response = await client.GetAsync(url);
                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{url}: {status}");
                if (status is 400 or 422 && path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    var fields = await Json.ProblemFieldsAsync(response);
                    Assert.True(fields.Contains(parameter) || fields.Contains(parameter == "from" ? "to" : "from"), $"{url}: {string.Join(',', fields)}");
                }
            }
        }
    }

    [Theory]
    [InlineData("observedAt", "")]
    [InlineData("observedAt", "   ")]
    [InlineData("observedFrom", "")]
    [InlineData("observedFrom", " \t ")]
    [InlineData("observedAt", "0001-01-01T00:00:00Z")]
    [InlineData("observedAt", "0001-01-01T00:00:00+01:00")]
    [InlineData("observedFrom", "9999-12-31T23:59:59-01:00")]
    public async Task An_empty_or_out_of_range_observation_time_is_refused_naming_it(string field, string value)
    {
        var body = Json.Observation();
        body.Remove("observedAt");
        body[field] = value;
        var response = await _analyst.PostAsync("/api/observations", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(field, await Json.ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task An_empty_observation_time_on_the_page_form_is_refused_not_a_500()
    {
        var token = await Forms.TokenAsync(_browser, "/observations/new");
        var response = await _browser.PostAsync("/observations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = Guid.NewGuid().ToString(), ["observedAt"] = "  ",
            ["latitude"] = "39.8", ["longitude"] = "46.7", ["category"] = "explosion", ["sensor"] = "heard",
        }));
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
    }

    private static Gen<string> Instants() => Gen.OneOf(
        Gen.Elements(Limits),
        from year in Gen.Choose(-1, 10001)
        from offset in Gen.Choose(-14, 14)
        from second in Gen.Choose(0, 86_399)
        select $"{year:0000}-{(year % 12) + 1:00}-{(year % 28) + 1:00}T{second / 3600:00}:{second / 60 % 60:00}:{second % 60:00}{(offset == 0 ? "Z" : $"{offset:+00;-00}:00")}");

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property Random_instants_on_every_parameter_never_cause_a_5xx() =>
        Prop.ForAll(Instants().ToArbitrary(), Instants().ToArbitrary(), (from, to) =>
        {
            var failures = new StringBuilder();
            foreach (var path in new[] { "/api/metrics", "/metrics", "/api/corroboration/proposals", "/corroboration", "/api/observations", "/observations", "/api/incidents", "/incidents" })
            {
                var client = path.Contains("corroboration", StringComparison.Ordinal) ? (path.StartsWith("/api", StringComparison.Ordinal) ? _analyst : _browser) : _anonymous;
                var status = (int)client.GetAsync($"{path}?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}").GetAwaiter().GetResult().StatusCode;
                if (status >= 500)
                {
                    failures.Append(path).Append(' ').Append(status).Append("; ");
                }
            }
            var body = Json.Observation();
            body["observedAt"] = from;
            var submitted = (int)_analyst.PostAsync("/api/observations", body).GetAwaiter().GetResult().StatusCode;
            if (submitted >= 500)
            {
                failures.Append("submit ").Append(submitted);
            }
            return (failures.Length == 0).Label($"from={from} to={to}: {failures}");
        });
}
