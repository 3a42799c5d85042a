using Truce.Reports;

namespace Truce.Web;

/// <summary>A situation report as the API answers it.</summary>
public sealed record ReportJson(
    Guid Id, string Kind, string Status, string Title, int Year, int? Number, DateTimeOffset PeriodFrom, DateTimeOffset PeriodTo,
    string? Headline, string Narrative, string NarrativeHtml, ReportFigures Figures, Guid? Corrects, DateTimeOffset? PublishedAt)
{
    public static ReportJson Of(Report r) => new(r.Id, Slug.Of(r.Kind), Slug.Of(r.Status), ReportRules.Title(r), r.Year, r.Number, r.PeriodFrom, r.PeriodTo,
        r.Headline, r.Narrative, Truce.Reports.Narrative.ToHtml(r.Narrative), Reports.Reports.Figures(r), r.CorrectsId, r.PublishedAt);
}
