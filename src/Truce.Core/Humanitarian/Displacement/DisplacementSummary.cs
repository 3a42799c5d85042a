using Truce.Import;

namespace Truce.Humanitarian;

/// <summary>
/// What a displacement import did: rows read, figures added, rows already imported (same source row), rows passed
/// over because they carry no figure at all, and the bad lines that refused the whole file.
/// </summary>
public sealed record DisplacementSummary(int Read, int Imported, int Existing, int Skipped, IReadOnlyList<RowError> Errors)
{
    public bool Refused => Errors.Count > 0;
}
