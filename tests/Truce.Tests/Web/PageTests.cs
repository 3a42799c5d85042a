using System.Net;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Web;

public sealed class PageTests
{
    private static Dictionary<string, string> Report(string token, Guid id) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["id"] = id.ToString(),
        ["observedAt"] = "2026-11-29T07:30",
        ["timePrecision"] = "exact",
        ["latitude"] = "40.88066",
        ["longitude"] = "45.38901",
        ["category"] = "small_arms_fire",
        ["sensor"] = "heard",
        ["count"] = "12",
        ["narrative"] = "<script>alert('x')</script> bursts from the east",
        ["visibility"] = "internal",
    };

    [Fact]
    public async Task The_public_dashboard_shows_the_exercise_banner_and_only_published_incidents()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);
        var html = await app.CreateClient().GetStringAsync("/");
        await using var db = app.Store.Open();
        var publicCount = await db.Incidents.CountAsync(i => i.Visibility == Visibility.Public);
        var allCount = await db.Incidents.CountAsync();

        Assert.Contains("SIMULATED EXERCISE", html, StringComparison.Ordinal);
        var statusCounts = System.Text.RegularExpressions.Regex.Matches(html, "class=\"card status-[a-z_]+\" href=\"[^\"]+\"><span class=\"number\">(\\d+)</span>")
            .Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(publicCount, statusCounts);
        Assert.True(publicCount < allCount);
    }

    [Fact]
    public async Task The_report_form_needs_a_signed_in_user()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/observations/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_monitor_reports_through_the_form_and_the_narrative_is_shown_escaped(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.SignInAsync("monitor1", Role.Monitor);
        var id = Guid.NewGuid();

        var token = await Forms.TokenAsync(monitor, "/observations/new");
        var posted = await monitor.PostAsync("/observations", new FormUrlEncodedContent(Report(token, id)));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/observations/{id}", posted.Headers.Location?.OriginalString);
        var page = await monitor.GetStringAsync($"/observations/{id}");
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", page, StringComparison.Ordinal);
        var list = await monitor.GetStringAsync("/observations");
        Assert.Contains($"/observations/{id}", list, StringComparison.Ordinal);
        await using var db = app.Store.Open();
        var stored = await db.Observations.SingleAsync(o => o.Id == id);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 7, 30, 0, TimeSpan.Zero), stored.ObservedFrom);
        Assert.Equal(12, stored.Count);
    }

    [Fact]
    public async Task A_form_with_a_bad_field_comes_back_naming_it_with_the_values_kept()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.SignInAsync("monitor1", Role.Monitor);
        var token = await Forms.TokenAsync(monitor, "/observations/new");
        var fields = Report(token, Guid.NewGuid());
        fields["latitude"] = "95.1";

        var response = await monitor.PostAsync("/observations", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<code>latitude</code>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"95.1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.SignInAsync("monitor1", Role.Monitor);
        var fields = Report("", Guid.NewGuid());
        fields.Remove("__RequestVerificationToken");

        var response = await monitor.PostAsync("/observations", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.Store.Open();
        Assert.False(await db.Observations.AnyAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var token = await Forms.TokenAsync(client, "/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "admin", ["password"] = "not the password",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The name or password is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_assesses_an_incident_through_its_page()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);
        var analyst = await app.SignInAsync("analyst1", Role.Analyst);
        Guid incident;
        await using (var db = app.Store.Open())
        {
            incident = await db.Incidents.Where(i => i.Status == Truce.Verification.IncidentStatus.Reported).Select(i => i.Id).FirstAsync();
        }
        var html = await analyst.GetStringAsync($"/incidents/{incident}");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var id = System.Text.RegularExpressions.Regex.Match(html, "name=\"id\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await analyst.PostAsync($"/incidents/{incident}/assessments", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = id, ["status"] = "under_review", ["sourceReliability"] = "B",
            ["informationCredibility"] = "3", ["rationale"] = "Looking into it.",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await analyst.GetStringAsync($"/incidents/{incident}");
        Assert.Contains("Looking into it.", after, StringComparison.Ordinal);
        Assert.Contains("badge status-under_review", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_a_content_security_policy_without_inline_script()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var response = await app.CreateClient().GetAsync("/");
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_api_is_described_by_openapi_and_health_is_reported()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();
        var openapi = await Json.ReadAsync(await client.GetAsync("/openapi/v1.json"));
        var paths = openapi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/observations", paths);
        Assert.Contains("/api/incidents/{id}/assessments", paths);
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }
}
