using Truce.Reports;

namespace Truce.Web;

/// <summary>What the page <see cref="PublicSearch"/> shows: the words searched for and the published reports that hold them all.</summary>
public sealed record PublicSearchModel(Chrome Chrome, string Query, IReadOnlyList<Report> Results, Failure? Problem = null) : IPageModel<PublicSearch>;
