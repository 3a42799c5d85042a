using Truce.Activities;
using Truce.Verification;

namespace Truce.Reports;

/// <summary>
/// What a report states about its period, computed as the public would see it (<see cref="Reports.FiguresAsync"/>):
/// the metrics page's counts per category, zone and alleged party against the previous period, casualties, the
/// restrictions of the monitors' freedom of movement, the observation conditions and the incidents it cites; the
/// activities the parties notified for the period and what they flag; the handovers completed or postponed in it.
/// </summary>
public sealed record ReportFigures(
    int Total, int PreviousTotal, int Explosions,
    IReadOnlyList<MetricRow> ByCategory, IReadOnlyList<MetricRow> ByZone, IReadOnlyList<MetricRow> ByParty,
    Casualties Casualties, int MovementRestrictions, ObservationConditions Conditions, IReadOnlyList<CitedIncident> Incidents)
{
    /// <summary>The activities notified for the period, per kind: counts only, since the notifications themselves stay with the mission and the parties.</summary>
    public IReadOnlyList<NotifiedActivityCount> NotifiedActivities { get; init; } = [];

    /// <summary>The period's observations and incidents flagged pre-notified or not notified, as the public sees them.</summary>
    public PriorNoticeCounts PriorNotices { get; init; } = PriorNoticeCounts.None;

    /// <summary>The handovers completed or postponed in the period, in the order they moved.</summary>
    public IReadOnlyList<HandoverMilestone> Handovers { get; init; } = [];

    public static ReportFigures Empty { get; } = new(0, 0, 0, [], [], [], new Casualties(0, 0, 0, 0), 0, new ObservationConditions([], null, null), []);
}
