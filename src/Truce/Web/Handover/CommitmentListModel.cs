using Truce.Handovers;

namespace Truce.Web;

/// <summary>What the page <see cref="CommitmentList"/> shows: every commitment (overdue first) with its history.</summary>
public sealed record CommitmentListModel(Chrome Chrome, IReadOnlyList<Commitment> Commitments, ILookup<Guid, CommitmentStatusChange> History, DateTimeOffset Now, Failure? Problem)
    : IPageModel<CommitmentList>;
