using Truce.Import;

namespace Truce.MineAction;

/// <summary>
/// What a RELand grid import did: cells read; cells recorded as confirmed (affected by landmines) and as cancelled
/// (declared mine-free); cells passed over for having no historical data; cells already imported; the bad lines.
/// </summary>
public sealed record RelandSummary(int Read, int Affected, int DeclaredFree, int NoData, int Existing, IReadOnlyList<RowError> Errors)
{
    public bool Refused => Errors.Count > 0;
}
