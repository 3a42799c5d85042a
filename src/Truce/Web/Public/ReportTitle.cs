using Microsoft.Extensions.Localization;
using Truce.Reports;

namespace Truce.Web;

/// <summary>A report's title in the reader's language: "Daily Report 203/2026", or a draft's kind and day.</summary>
internal static class ReportTitle
{
    public static string Of(IStringLocalizer<PageText> text, Report report) => report.Number is { } number
        ? text[report.Kind == ReportKind.Daily ? "Report.DailyTitle" : "Report.SpotTitle", number, report.Year]
        : text[report.Kind == ReportKind.Daily ? "Report.DailyDraft" : "Report.SpotDraft", report.PeriodFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Where the public reads a report.</summary>
    public static string Link(Report report) => $"/public/reports/{report.Id}";
}
