using Truce.Hotline;
using Truce.Mission;

namespace Truce.Web;

/// <summary>What the page <see cref="HotlineList"/> shows: the viewer's threads and, for a liaison, the form that opens one.</summary>
public sealed record HotlineListModel(Chrome Chrome, IReadOnlyList<ThreadView> Threads, IReadOnlyList<Party> Parties, Failure? Problem, Guid NewId)
    : IPageModel<HotlineList>;
