namespace Truce.Web;

/// <summary>One group's count in this period and the previous one.</summary>
internal sealed record MetricRowJson(string Key, string Label, int Count, int Previous, int Change);
