using Truce.Verification;

namespace Truce.Reports;

/// <summary>
/// What a report states about its period, computed as the public would see it (<see cref="Reports.FiguresAsync"/>):
/// the metrics page's counts per category, zone and alleged party against the previous period, casualties, the
/// restrictions of the monitors' freedom of movement, the observation conditions and the incidents it cites.
/// </summary>
public sealed record ReportFigures(
    int Total, int PreviousTotal, int Explosions,
    IReadOnlyList<MetricRow> ByCategory, IReadOnlyList<MetricRow> ByZone, IReadOnlyList<MetricRow> ByParty,
    Casualties Casualties, int MovementRestrictions, ObservationConditions Conditions, IReadOnlyList<CitedIncident> Incidents)
{
    public static ReportFigures Empty { get; } = new(0, 0, 0, [], [], [], new Casualties(0, 0, 0, 0), 0, new ObservationConditions([], null, null), []);
}
