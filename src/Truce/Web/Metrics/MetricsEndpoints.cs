using System.Globalization;
using System.Text;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

/// <summary>Violation counts per day, zone, category or alleged party, against the previous period; JSON or CSV.</summary>
internal static class MetricsEndpoints
{
    public static void MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/metrics").WithTags("Metrics").Allow(AccessRule.Anyone);
        api.MapGet("/", Get).WithSummary(
            "Incidents counted per groupBy=day|zone|category|party for from..to (default: yesterday, UTC) and the previous period of the same length. " +
            "status=verified,under_review by default (any: every status). Accept: text/csv or format=csv answers CSV.");
    }

    public static async Task<Result<MetricReport>> ReportAsync(HttpContext context, TruceDb db, Func<string, string?> query)
    {
        var parsed = MetricQuery.Parse(query);
        if (parsed.Failure is { } bad)
        {
            return bad;
        }
        var q = parsed.Value!;
        return await Truce.Verification.Metrics.ComputeAsync(db, context.Viewer(), q.From, q.To, q.GroupBy, q.Statuses, context.RequestAborted);
    }

    private static async Task<IResult> Get(HttpContext context, TruceDb db)
    {
        var report = await ReportAsync(context, db, name => context.Request.Query[name].FirstOrDefault());
        if (report.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var r = report.Value!;
        if (string.Equals(context.Request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
            || context.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true))
        {
            return TypedResults.File(Encoding.UTF8.GetBytes(Csv(r)), "text/csv; charset=utf-8",
                $"truce-metrics-{Slug.Of(r.GroupBy)}-{r.From:yyyyMMdd}-{r.To:yyyyMMdd}.csv");
        }
        return TypedResults.Ok(new MetricsJson(r.From, r.To, r.PreviousFrom, Slug.Of(r.GroupBy), [.. r.Statuses.Select(s => Slug.Of(s))],
            r.Total, r.PreviousTotal, r.Explosions, r.Summary, [.. r.Rows.Select(x => new MetricRowJson(x.Key, x.Label, x.Count, x.Previous, x.Change))]));
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

internal sealed record MetricsJson(
    DateTimeOffset From, DateTimeOffset To, DateTimeOffset PreviousFrom, string GroupBy, IReadOnlyList<string> Statuses,
    int Total, int PreviousTotal, int Explosions, string Summary, IReadOnlyList<MetricRowJson> Rows);

internal sealed record MetricRowJson(string Key, string Label, int Count, int Previous, int Change);
