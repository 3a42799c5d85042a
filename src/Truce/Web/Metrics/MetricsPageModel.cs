using Truce.Verification;

namespace Truce.Web;

/// <summary>What the page <see cref="MetricsPage"/> shows.</summary>
public sealed record MetricsPageModel(Chrome Chrome, MetricReport? Report, Failure? Problem) : IPageModel<MetricsPage>;
