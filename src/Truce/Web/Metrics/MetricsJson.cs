using Truce.Activities;

namespace Truce.Web;

/// <summary>A metrics report as the API answers it.</summary>
internal sealed record MetricsJson(
    DateTimeOffset From, DateTimeOffset To, DateTimeOffset PreviousFrom, string GroupBy, IReadOnlyList<string> Statuses,
    int Total, int PreviousTotal, int Explosions, string Summary, IReadOnlyList<MetricRowJson> Rows, PriorNoticeCounts PriorNotices);
