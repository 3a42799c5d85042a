namespace Truce.Handovers;

/// <summary>A gate as evaluated now: whether it holds, and the records that decide it (the blocking ones first).</summary>
public sealed record GateResult(GateKind Kind, bool Passed, IReadOnlyList<GateEvidence> Evidence);
