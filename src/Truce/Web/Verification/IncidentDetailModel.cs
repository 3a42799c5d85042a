using Truce.Mission;
using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Web;

/// <summary>What the page <see cref="IncidentDetail"/> shows.</summary>
public sealed record IncidentDetailModel(Chrome Chrome, Incident Incident, IReadOnlyList<Observation> Observations, IReadOnlyList<Party> Parties, Failure? Problem, Guid AssessmentId, string? TileUrl,
    Truce.Activities.PriorNotice Notice = Truce.Activities.PriorNotice.None, Truce.Activities.NotifiedActivity? NotifiedBy = null) : IPageModel<IncidentDetail>;
