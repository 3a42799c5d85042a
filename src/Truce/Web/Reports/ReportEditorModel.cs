using Truce.Reports;

namespace Truce.Web;

/// <summary>What the page <see cref="ReportEditor"/> shows: a report as it will read, its narrative form and its workflow buttons.</summary>
public sealed record ReportEditorModel(Chrome Chrome, Report Report, ReportFigures Figures, IReadOnlyDictionary<string, string> Parties, Failure? Problem)
    : IPageModel<ReportEditor>;
