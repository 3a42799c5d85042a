using Truce.Reports;

namespace Truce.Web;

/// <summary>
/// What the page <see cref="PublicReport"/> shows: the report, its figures, the related reports, the report it corrects
/// and the one correcting it, the approved comments, and the comment form (with what was typed and the problem, after a refusal).
/// </summary>
public sealed record PublicReportModel(
    Chrome Chrome, Report Report, ReportFigures Figures, IReadOnlyDictionary<string, string> Parties, IReadOnlyList<Report> Related,
    Report? Corrects, Report? CorrectedBy, IReadOnlyList<Comment> Comments, CommentInput? Typed = null, bool Held = false, Failure? Problem = null)
    : IPageModel<PublicReport>;
