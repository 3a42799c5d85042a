using Truce.Activities;

namespace Truce.Web;

/// <summary>What the page <see cref="ActivityList"/> shows: the notified activities and, for a liaison, the form.</summary>
public sealed record ActivityListModel(Chrome Chrome, IReadOnlyList<NotifiedActivity> Activities, Failure? Problem, Guid NewId) : IPageModel<ActivityList>;
