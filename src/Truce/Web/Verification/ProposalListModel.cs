namespace Truce.Web;

/// <summary>What the page <see cref="ProposalList"/> shows.</summary>
public sealed record ProposalListModel(Chrome Chrome, IReadOnlyList<Proposal> Proposals, DateTimeOffset? From, DateTimeOffset? To, Failure? Problem) : IPageModel<ProposalList>;
