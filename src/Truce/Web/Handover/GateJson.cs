using Truce.Handovers;

namespace Truce.Web;

/// <summary>A gate as evaluated now: its kind (quiet, hazards, commitments, checklist), whether it holds, and the records deciding it.</summary>
public sealed record GateJson(string Kind, bool Passed, IReadOnlyList<GateEvidenceJson> Evidence)
{
    public static GateJson From(GateResult gate) =>
        new(Slug.Of(gate.Kind), gate.Passed, [.. gate.Evidence.Select(e => new GateEvidenceJson(e.Kind, e.Id, e.Text, e.Blocking))]);
}
