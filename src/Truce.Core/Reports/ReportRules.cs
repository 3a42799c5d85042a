namespace Truce.Reports;

/// <summary>The pure rules of reports: the workflow, the numbering, the period a daily report covers, which reports are related.</summary>
public static class ReportRules
{
    /// <summary>
    /// Draft → review → published; review may go back to draft. Published is final: a correction is a new report.
    /// </summary>
    public static bool CanMove(ReportStatus from, ReportStatus to) => (from, to) switch
    {
        (ReportStatus.Draft, ReportStatus.Review) => true,
        (ReportStatus.Review, ReportStatus.Draft) => true,
        (ReportStatus.Review, ReportStatus.Published) => true,
        _ => false,
    };

    /// <summary>The next number of a kind in a year: one past the highest given, 1 for the first.</summary>
    public static int NextNumber(IEnumerable<int> numbersOfTheYear) => numbersOfTheYear.DefaultIfEmpty(0).Max() + 1;

    /// <summary>A daily report covers one UTC day, [00:00, 24:00).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Day(DateOnly day)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (from, from.AddDays(1));
    }

    /// <summary>"Daily Report 203/2026" (the page says it in the reader's language from the same parts).</summary>
    public static string Title(Report report) => (report.Kind, report.Number) switch
    {
        (ReportKind.Daily, { } n) => $"Daily Report {n}/{report.Year}",
        (ReportKind.Spot, { } n) => $"Spot Report {n}/{report.Year}",
        (ReportKind.Daily, null) => $"Daily Report (draft, {report.PeriodFrom:yyyy-MM-dd})",
        _ => $"Spot Report (draft, {report.PeriodFrom:yyyy-MM-dd})",
    };

    /// <summary>
    /// The published reports most related to <paramref name="report"/>: a point per shared zone and per shared topic,
    /// two for one it corrects or that corrects it, and nearness in time breaking ties (closest first). Only reports
    /// sharing something, or within a week, are related.
    /// </summary>
    public static IReadOnlyList<Report> Related(Report report, IEnumerable<Report> published, int count)
    {
        var zones = Words(report.Zones);
        var topics = Words(report.Topics);
        return [.. published
            .Where(r => r.Id != report.Id)
            .Select(r => (Report: r,
                Score: Words(r.Zones).Intersect(zones).Count() + Words(r.Topics).Intersect(topics).Count()
                    + (r.Id == report.CorrectsId || r.CorrectsId == report.Id ? 2 : 0),
                Distance: (r.PeriodFrom - report.PeriodFrom).Duration()))
            .Where(x => x.Score > 0 || x.Distance <= TimeSpan.FromDays(7))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Distance).ThenBy(x => x.Report.Id)
            .Take(count)
            .Select(x => x.Report)];
    }

    public static IReadOnlyList<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
