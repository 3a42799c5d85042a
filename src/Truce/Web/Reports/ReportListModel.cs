using Truce.Reports;

namespace Truce.Web;

/// <summary>What the page <see cref="ReportList"/> shows: the reports the viewer may see and, for an analyst, the form that generates one.</summary>
public sealed record ReportListModel(Chrome Chrome, IReadOnlyList<Report> Reports, Guid NewId, DateOnly Yesterday, Failure? Problem) : IPageModel<ReportList>;
