namespace Truce.Storage;

/// <summary>What <see cref="GroupCommit"/> did with one record.</summary>
public enum CommitOutcome
{
    /// <summary>Written and committed.</summary>
    Inserted,

    /// <summary>Not written: a record with its id and the same submission hash is stored (or was just written in the same batch).</summary>
    Replayed,

    /// <summary>Not written: a record with its id but another submission hash (or none) is stored or was just written.</summary>
    IdReused,

    /// <summary>Not written: the writer is <see cref="GroupCommit.MaxWaiting"/> records behind; the client should retry later.</summary>
    Busy,
}
