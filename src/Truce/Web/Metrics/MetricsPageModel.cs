using Truce.Activities;
using Truce.Verification;

namespace Truce.Web;

/// <summary>What the page <see cref="MetricsPage"/> shows.</summary>
public sealed record MetricsPageModel(Chrome Chrome, MetricReport? Report, Failure? Problem) : IPageModel<MetricsPage>
{
    /// <summary>The period's observations and incidents that notified activities flag, as the viewer sees them.</summary>
    public PriorNoticeCounts? Notices { get; init; }
}
