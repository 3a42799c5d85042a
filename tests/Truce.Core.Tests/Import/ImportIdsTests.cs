using Truce.Import;

namespace Truce.Core.Tests.Import;

/// <summary>Issue 14: imported ids stay deterministic and lead with the event's time, so imports append to the indexes.</summary>
public sealed class ImportIdsTests
{
    private static readonly DateTimeOffset Day = new(2013, 1, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_event_gets_the_same_ids_and_another_event_other_ids()
    {
        var id = ImportIds.ObservationOf("UCDP GED", "300380", Day);
        Assert.Equal(id, ImportIds.ObservationOf("UCDP GED", "300380", Day));
        Assert.Equal(ImportIds.IncidentOf(id), ImportIds.IncidentOf(id));
        Assert.NotEqual(id, ImportIds.ObservationOf("UCDP GED", "300381", Day));
        Assert.NotEqual(id, ImportIds.ObservationOf("ACLED", "300380", Day));
        Assert.NotEqual(id, ImportIds.IncidentOf(id));
    }

    [Fact]
    public void The_first_48_bits_are_the_events_start_in_unix_milliseconds()
    {
        var id = ImportIds.ObservationOf("UCDP GED", "300380", Day);
        // 2013-01-03T00:00:00Z is 1 357 171 200 000 ms, 0x013BFDB51000 in hex: the id's text starts with it.
        Assert.StartsWith("013bfdb5-1000-8", id.ToString("D"), StringComparison.Ordinal);
        Assert.Equal(1_357_171_200_000, ImportIds.TimeOf(id));
        Assert.Equal(1_357_171_200_000, ImportIds.TimeOf(ImportIds.IncidentOf(id)));
        Assert.Equal('8', ImportIds.IncidentOf(id).ToString("D")[14]);
        Assert.True("89ab".Contains(id.ToString("D")[19], StringComparison.Ordinal));
    }

    [Fact]
    public void Later_events_sort_after_earlier_ones_as_text_and_as_bytes()
    {
        var ids = Enumerable.Range(0, 200)
            .Select(i => ImportIds.ObservationOf("UCDP GED", $"{(i * 7919) % 200}", Day.AddMinutes(i)))
            .ToList();
        // SQLite keeps a GUID as upper-case text, PostgreSQL as 16 bytes in RFC order: both orders follow time.
        Assert.Equal(ids, ids.OrderBy(id => id.ToString("D").ToUpperInvariant(), StringComparer.Ordinal));
        Assert.Equal(ids, ids.OrderBy(id => Convert.ToHexString(id.ToByteArray(bigEndian: true)), StringComparer.Ordinal));
    }

    [Fact]
    public void An_event_before_1970_gets_the_prefix_zero_and_is_still_deterministic()
    {
        var old = new DateTimeOffset(1946, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var id = ImportIds.ObservationOf("UCDP GED", "1", old);
        Assert.Equal(0, ImportIds.TimeOf(id));
        Assert.Equal(id, ImportIds.ObservationOf("UCDP GED", "1", old));
    }
}
