using Microsoft.EntityFrameworkCore;
using Truce.Storage;

namespace Truce.Journal;

public sealed record JournalReport(long Entries, JournalBreak? Break)
{
    public bool Holds => Break is null;
}

public static class JournalVerifier
{
    /// <summary>Streams the journal in order and recomputes its chain, holding one entry at a time.</summary>
    public static async Task<JournalReport> VerifyAsync(TruceDb db, CancellationToken cancellationToken = default)
    {
        var count = 0L;
        JournalEntry? previous = null;
        await foreach (var entry in db.Journal.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (JournalChain.Check(previous, entry) is { } broken)
            {
                return new JournalReport(count, broken);
            }
            previous = entry;
        }
        return new JournalReport(count, null);
    }
}
