using Truce.Access;

namespace Truce.Journal;

/// <summary>
/// One change to one record, chained to the entry before it: the hash covers this entry's content and the
/// previous hash, so changing, removing or inserting any entry breaks every hash after it.
/// </summary>
[ReadBy(ReadRule.Restricted)]
public sealed class JournalEntry
{
    /// <summary>1, 2, 3, … with no gaps; assigned under the journal lock, not by the database.</summary>
    public long Seq { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    /// <summary>insert, update or delete.</summary>
    public string Action { get; set; } = "";

    /// <summary>The table of the record.</summary>
    public string Entity { get; set; } = "";

    public string RecordKey { get; set; } = "";

    /// <summary>The record's fields before the change, as canonical JSON; null for an insert.</summary>
    public string? Before { get; set; }

    /// <summary>The record's fields after the change; null for a delete.</summary>
    public string? After { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
