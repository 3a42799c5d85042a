using System.Text.Json;
using System.Text.RegularExpressions;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Web;

/// <summary>
/// A page's period form, submitted as it is rendered, keeps the period it shows: the dates read back to the same instants
/// (a plain date is a whole UTC day), so pressing "Show" twice never moves the period.
/// </summary>
public sealed partial class PeriodFormTests
{
    private static (string From, string To) FormDates(string html) =>
        FromInput().Match(html) is { Success: true } from && ToInput().Match(html) is { Success: true } to
            ? (from.Groups[1].Value, to.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException("the page has no period form");

    private static async Task<(string From, string To)> PeriodAsync(HttpClient client, string query)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/metrics{query}")).RootElement;
        return (json.GetProperty("from").GetString()!, json.GetProperty("to").GetString()!);
    }

    [Fact]
    public async Task The_metrics_form_as_rendered_reads_back_the_default_period()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();

        var (from, to) = FormDates(await client.GetStringAsync("/metrics"));

        // The clock stands at 2026-11-29 10:00 UTC: the last 30 days, today included.
        Assert.Equal(("2026-10-31", "2026-11-29"), (from, to));
        Assert.Equal(await PeriodAsync(client, ""), await PeriodAsync(client, $"?from={from}&to={to}"));
        Assert.Equal((from, to), FormDates(await client.GetStringAsync($"/metrics?from={from}&to={to}")));
    }

    [Fact]
    public async Task A_plain_date_in_to_counts_that_whole_day_and_ends_at_the_next_midnight()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();

        Assert.Equal(("2026-11-28T00:00:00+00:00", "2026-11-29T00:00:00+00:00"), await PeriodAsync(client, "?from=2026-11-28&to=2026-11-28"));
        Assert.Equal(("2026-11-28", "2026-11-28"), FormDates(await client.GetStringAsync("/metrics?from=2026-11-28&to=2026-11-28")));
    }

    [Theory]
    [InlineData("/observations")]
    [InlineData("/incidents")]
    [InlineData("/corroboration")]
    [InlineData("/metrics")]
    public async Task Every_page_with_a_period_shows_back_the_dates_it_was_given(string page)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var analyst = await app.SignInAsync("analyst.period", Role.Analyst);

        var html = await analyst.GetStringAsync($"{page}?from=2026-11-01&to=2026-11-28");

        Assert.Equal(("2026-11-01", "2026-11-28"), FormDates(html));
    }

    [GeneratedRegex("""name="from" value="([^"]*)" """)]
    private static partial Regex FromInput();

    [GeneratedRegex("""name="to" value="([^"]*)" """)]
    private static partial Regex ToInput();
}
