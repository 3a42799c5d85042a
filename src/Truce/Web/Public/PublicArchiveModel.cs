using Truce.Reports;

namespace Truce.Web;

/// <summary>What the page <see cref="PublicArchive"/> shows: the published reports of one month, and the months that have any.</summary>
public sealed record PublicArchiveModel(Chrome Chrome, DateOnly Month, IReadOnlyList<Report> Reports, IReadOnlyList<DateOnly> Months, Failure? Problem = null)
    : IPageModel<PublicArchive>;
