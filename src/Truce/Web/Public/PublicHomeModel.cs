using Truce.Reports;

namespace Truce.Web;

/// <summary>What the page <see cref="PublicHome"/> shows: the latest published reports, newest first.</summary>
public sealed record PublicHomeModel(Chrome Chrome, IReadOnlyList<Report> Latest) : IPageModel<PublicHome>;
