using Truce.Lists;
using Truce.Monitoring;

namespace Truce.Web;

/// <summary>What the page <see cref="ObservationList"/> shows.</summary>
public sealed record ObservationListModel(Chrome Chrome, Page<Observation> Page, ListFilter Filter, Func<int, string> Link, Failure? Problem, Guid GroupId) : IPageModel<ObservationList>;
