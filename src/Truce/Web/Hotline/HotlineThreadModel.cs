using Truce.Hotline;

namespace Truce.Web;

/// <summary>What the page <see cref="HotlineThreadPage"/> shows: one thread, its messages and receipts, its escalations.</summary>
public sealed record HotlineThreadModel(Chrome Chrome, ThreadView View, IReadOnlyList<HotlineEscalation> Escalations, Failure? Problem, Guid NewId)
    : IPageModel<HotlineThreadPage>;
