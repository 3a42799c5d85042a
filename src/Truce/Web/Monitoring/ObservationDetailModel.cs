using Truce.Gazetteer;
using Truce.Monitoring;

namespace Truce.Web;

/// <summary>What the page <see cref="ObservationDetail"/> shows; <paramref name="Near"/>: the gazetteer's place nearest it, computed when shown.</summary>
public sealed record ObservationDetailModel(Chrome Chrome, Observation Observation, Submitter? Submitter, NearPlace? Near = null) : IPageModel<ObservationDetail>;
