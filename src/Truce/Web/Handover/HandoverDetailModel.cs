using Truce.Handovers;

namespace Truce.Web;

/// <summary>What the page <see cref="HandoverDetail"/> shows: the handover, its live gates, checklist, moves and sign-offs.</summary>
public sealed record HandoverDetailModel(Chrome Chrome, HandoverGates.Evaluated Evaluated, HandoverCertificate Certificate, IReadOnlyList<ChecklistItem> Checklist, Failure? Problem)
    : IPageModel<HandoverDetail>;
