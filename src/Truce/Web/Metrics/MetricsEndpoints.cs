using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Activities;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

/// <summary>Violation counts per day, zone, category or alleged party, against the previous period: JSON, CSV, or the page.</summary>
internal static class MetricsEndpoints
{
    public static void MapMetrics(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/metrics").WithTags("Metrics").Allow(AccessRule.Anyone);
        api.MapGet("/", Get).Produces<MetricsJson>().Reads(QueryParameter.From, QueryParameter.To, QueryParameter.GroupBy, QueryParameter.Statuses, QueryParameter.CsvFormat).WithSummary(
            "Incidents counted per groupBy=day|zone|category|party for from..to (default: the last 30 days in UTC, today included; a plain date in from is the start of that day, in to its end) and the previous period of the same length. " +
            "status=verified,under_review by default (any: every status). Accept: text/csv or format=csv answers CSV. " +
            "priorNotices counts the period's observations and counted incidents that notified activities flag, from what the viewer may see.");
        app.MapGet("/metrics", Page).ExcludeFromDescription().Allow(AccessRule.Anyone);
    }

    private static async Task<Result<MetricReport>> ReportAsync(TruceDb db, Viewer viewer, Func<string, string?> query, CancellationToken cancellationToken)
    {
        var parsed = MetricQuery.Parse(query);
        if (parsed.Failure is { } bad)
        {
            return bad;
        }
        var q = parsed.Value!;
        return await Metrics.ComputeAsync(db, viewer, q.From, q.To, q.GroupBy, q.Statuses, cancellationToken);
    }

    private static async Task<IResult> Get(HttpRequest request, Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var report = await ReportAsync(db, viewer, name => request.Query[name].FirstOrDefault(), cancellationToken);
        if (report.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var r = report.Value!;
        var notices = await Notifications.CountAsync(db, viewer, r.From, r.To, r.Statuses, cancellationToken);
        if (string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
            || request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true))
        {
            return TypedResults.File(Encoding.UTF8.GetBytes(Csv(r)), "text/csv; charset=utf-8",
                $"truce-metrics-{Slug.Of(r.GroupBy)}-{r.From:yyyyMMdd}-{r.To:yyyyMMdd}.csv");
        }
        return TypedResults.Ok(new MetricsJson(r.From, r.To, r.PreviousFrom, Slug.Of(r.GroupBy), [.. r.Statuses.Select(s => Slug.Of(s))],
            r.Total, r.PreviousTotal, r.Explosions, r.Summary, [.. r.Rows.Select(x => new MetricRowJson(x.Key, x.Label, x.Count, x.Previous, x.Change))], notices));
    }

    /// <summary>The same report as the API, as a sentence, a chart, a table and a CSV link.</summary>
    private static async Task<RazorComponentResult> Page(HttpRequest request, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        // Dates from the form's date pickers and an unset period are read as by the API (Submission.ParsePeriod, Metrics.DefaultDays).
        var report = await ReportAsync(db, chrome.Viewer, name => request.Query[name].FirstOrDefault(), cancellationToken);
        var notices = report.Value is { } r ? await Notifications.CountAsync(db, chrome.Viewer, r.From, r.To, r.Statuses, cancellationToken) : null;
        return new MetricsPageModel(chrome, report.Value, report.Failure) { Notices = notices }.Render();
    }

    /// <summary>RFC 4180 CSV, one row per group; text quoted when it holds a comma, quote or line break.</summary>
    public static string Csv(MetricReport report)
    {
        static string Field(string text) => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"{Slug.Of(report.GroupBy)},label,count,previous,change\r\n");
        foreach (var row in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Field(row.Key)},{Field(row.Label)},{row.Count},{row.Previous},{row.Change}\r\n");
        }
        return csv.ToString();
    }
}
