using Truce.Import;

namespace Truce.Humanitarian;

/// <summary>What a register import did: rows read, records added, rows already in the register (a re-import), and why it refused.</summary>
public sealed record RegisterImportSummary(int Read, int Added, int Existing, IReadOnlyList<RowError> Errors)
{
    public bool Refused => Errors.Count > 0;
}
