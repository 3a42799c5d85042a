namespace Truce.Storage;

/// <summary>
/// A new record made ready for the journaled bulk write before anyone takes the writer's lock: its values put in
/// their stored form, its journal key and its canonical snapshot already built. What is left for the critical
/// section is what depends on the entries before it (the sequence number and the chained hash) and the INSERT.
/// Build one with <see cref="TruceDb.Prepare"/>; write a list of them with <see cref="TruceDb.InsertPreparedAsync"/>.
/// </summary>
internal sealed class PreparedInsert
{
    internal PreparedInsert(RecordShape shape, object record, string actor)
    {
        foreach (var column in shape.Columns)
        {
            column.Normalize(record);
        }
        Shape = shape;
        Record = record;
        Actor = actor;
        Key = TruceDb.KeyOf(shape, record);
        Snapshot = TruceDb.Snapshot(shape, record);
    }

    public RecordShape Shape { get; }

    public object Record { get; }

    /// <summary>The journal name of whoever the record is written for.</summary>
    public string Actor { get; }

    public string Key { get; }

    /// <summary>The record's canonical JSON, the journal entry's "after".</summary>
    public string Snapshot { get; }
}
