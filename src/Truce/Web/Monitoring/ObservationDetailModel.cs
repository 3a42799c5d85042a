using Truce.Monitoring;

namespace Truce.Web;

/// <summary>What the page <see cref="ObservationDetail"/> shows.</summary>
public sealed record ObservationDetailModel(Chrome Chrome, Observation Observation, Submitter? Submitter) : IPageModel<ObservationDetail>;
