using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The metrics page: the same report as GET /api/metrics, as a sentence, a chart, a table and a CSV link.</summary>
internal static class MetricsPages
{
    public static void MapMetricsPages(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", Metrics).ExcludeFromDescription().Allow(AccessRule.Anyone);

    private static async Task<RazorComponentResult> Metrics(HttpContext context, TruceDb db)
    {
        // A date from the form's date picker is the start of that day in UTC. Opened without a period, the
        // page shows the last 30 days day by day (the API's default is the daily report: the last day).
        var query = context.Request.Query;
        var unset = string.IsNullOrEmpty(query["from"]) && string.IsNullOrEmpty(query["to"]);
        var today = db.Clock.GetUtcNow().UtcDateTime.Date;
        var report = await MetricsEndpoints.ReportAsync(context, db, name =>
            (name, query[name].FirstOrDefault()) switch
            {
                ("from", _) when unset => today.AddDays(-29).ToString("yyyy-MM-dd'T'00:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ("to", _) when unset => today.AddDays(1).ToString("yyyy-MM-dd'T'00:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture),
                (_, { Length: > 0 } value) => name is "from" or "to" && value.Length == 10 ? value + "T00:00:00Z" : value,
                _ => null,
            });
        return new RazorComponentResult<MetricsPage>(new
        {
            Chrome = await Chrome.LoadAsync(db, context.Viewer(), context.RequestAborted),
            Report = report.Value,
            Problem = report.Failure,
        })
        { StatusCode = report.Failure is { } f ? Problems.Status(f.Kind) : 200 };
    }
}
