using Truce.Import;

namespace Truce.Gazetteer;

/// <summary>
/// What a GeoNames import did: lines read, places and names added, rows already in the gazetteer (by their GeoNames
/// ids), lines passed over (alternates that are links or codes), and the bad lines that refused the file.
/// </summary>
public sealed record GeoNamesSummary(long Read, long Places, long Names, long Existing, long Skipped, IReadOnlyList<RowError> Errors, long Rejected)
{
    public bool Refused => Rejected > 0;

    public Failure ToFailure() => new(FailureKind.Invalid,
        $"The file has {Rejected} bad line(s); nothing was imported.",
        Errors.GroupBy(e => $"line {e.Line}: {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}
