using Truce.Lists;
using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Web;

/// <summary>What the page <see cref="IncidentList"/> shows.</summary>
public sealed record IncidentListModel(Chrome Chrome, Page<Incident> Page, ListFilter Filter, Func<int, string> Link, Failure? Problem) : IPageModel<IncidentList>;
