using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Truce.Access;

namespace Truce.Storage;

/// <summary>
/// Writes concurrent submissions together. The journal is one chain, so writers take turns and every
/// durable commit costs a disk flush; one writer draining everything that is waiting into one transaction
/// pays that once for the lot. Each record keeps its own actor in the journal, each caller is answered
/// only after the commit that holds its record, and a record that cannot be written (a racing duplicate
/// id) is retried alone so that it fails alone. The queue is bounded: when the writer falls behind by more than
/// <see cref="MaxWaiting"/> records a submission is refused at once (the web answers 503 with Retry-After), so no
/// caller waits longer than the commits of the records ahead of it, at most MaxWaiting / MaxBatch + 1 batches.
/// A client-chosen id (<see cref="ISubmittedRecord"/>) is checked here, once per batch with one query for all its
/// ids, not once per request: an id already stored, or taken earlier in the same batch, is answered as a replay
/// (same submission hash) or an id reused (another), and not written. Each record's snapshot and key are built on
/// its caller's thread before it is queued (<see cref="PreparedInsert"/>), and the batch goes through the bulk lane's
/// writer (<see cref="TruceDb.InsertPreparedAsync"/>: prepared statements or COPY, no change tracker), so the writer's
/// turn holds only the replay check, the chain's hashes, the INSERTs and the commit.
/// </summary>
public sealed class GroupCommit
{
    /// <summary>At most this many records in one transaction, so one commit never holds the rest for long.</summary>
    public const int MaxBatch = 256;

    /// <summary>At most this many records wait for the writer (four batches): about a second of commits on a slow disk.</summary>
    public const int MaxWaiting = 4 * MaxBatch;

    private readonly Store _store;
    private readonly Channel<Pending> _queue;

    // The shape of each record type, read once from the model (the same for every unit of work of the store).
    private readonly ConcurrentDictionary<Type, RecordShape> _shapes = new();

    internal GroupCommit(Store store, int maxWaiting = MaxWaiting)
    {
        _store = store;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(maxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        // The writer outlives the request that happens to create it: it must not inherit that request's span or scope.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(RunAsync);
        }
    }

    /// <summary>Records waiting for the writer now (not counting the batch it is writing).</summary>
    internal int Waiting => _queue.Reader.Count;

    private sealed class Pending(PreparedInsert prepared, ActivityContext caller)
    {
        public PreparedInsert Prepared { get; } = prepared;

        public object Record => Prepared.Record;

        /// <summary>The submitting request's span, which the batch's span links to.</summary>
        public ActivityContext Caller { get; } = caller;

        public TaskCompletionSource<CommitOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTime Enqueued { get; } = DateTime.UtcNow;

        /// <summary>When the writer took it off the queue (UTC).</summary>
        public DateTime Taken { get; set; }
    }

    /// <summary>
    /// Inserts a new record once it is committed, unless its client-chosen id is already stored (a replay or an id
    /// reused, nothing written) or <see cref="MaxWaiting"/> records are already waiting (busy, at once, nothing
    /// written); throws what writing it alone threw.
    /// </summary>
    public async Task<CommitOutcome> InsertAsync(object record, Viewer actor, CancellationToken cancellationToken = default)
    {
        PreparedInsert prepared;
        using (WriteTelemetry.Begin("snapshot"))
        {
            // The record's stored form, key and snapshot, built here on the caller's thread rather than in the writer's turn.
            var shape = _shapes.GetOrAdd(record.GetType(), ShapeOf);
            prepared = new PreparedInsert(shape, record, actor.JournalName);
        }
        var pending = new Pending(prepared, Activity.Current?.Context ?? default);
        if (!_queue.Writer.TryWrite(pending))
        {
            return CommitOutcome.Busy;
        }
        WriteTelemetry.QueueDepth.Add(1);
        // A caller that gives up still leaves its record to be committed: a retry with the same id is then answered as a retry.
        var outcome = await pending.Done.Task.WaitAsync(cancellationToken);
        if (WriteTelemetry.Source.HasListeners())
        {
            // Told after the fact, from the writer's timestamps: the time this submission waited behind others.
            using var waited = WriteTelemetry.Source.StartActivity("queue.wait", ActivityKind.Internal, Activity.Current?.Context ?? default,
                startTime: pending.Enqueued);
            waited?.SetEndTime(pending.Taken);
        }
        return outcome;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        // The writer's unit of work (its connection, SQLite's prepared INSERTs) is kept from one batch to the next while
        // records keep coming, and let go as soon as the queue is empty, so an idle server holds no connection.
        TruceDb? db = null;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                pending.Taken = DateTime.UtcNow;
                WriteTelemetry.StageTime.Record((pending.Taken - pending.Enqueued).TotalMilliseconds, new KeyValuePair<string, object?>("stage", "queue.wait"));
                batch.Add(pending);
            }
            WriteTelemetry.QueueDepth.Add(-batch.Count);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var span = WriteTelemetry.Source.StartActivity("batch", ActivityKind.Internal, parentContext: default,
                    tags: [new("truce.batch.size", batch.Count)],
                    links: [.. batch.Where(p => p.Caller != default).Select(p => new ActivityLink(p.Caller))]);
                db ??= _store.Open();
                if (!await WriteAsync(db, batch))
                {
                    // A failed write may leave the unit of work in any state: the next batch starts on a fresh one.
                    await db.DisposeAsync();
                    db = null;
                    await WriteEachAloneAsync(batch);
                }
            }
            catch (Exception e)
            {
                // Whatever fails outside the write itself (a listener that throws, say) fails this batch, never the writer:
                // a writer that stopped would leave every later caller waiting. The next batch starts on a fresh unit of work.
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }
                db = null;
            }
            WriteTelemetry.BatchSize.Record(batch.Count);
            WriteTelemetry.WriterTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (db is not null && !reader.TryPeek(out _))
            {
                await db.DisposeAsync();
                db = null;
            }
        }
    }

    /// <summary>
    /// Writes the batch in one transaction on the writer's unit of work and answers its callers; false when the write
    /// failed, with nobody answered who was to be inserted (a record written alone is answered with what it threw).
    /// </summary>
    private static async Task<bool> WriteAsync(TruceDb db, IReadOnlyList<Pending> batch)
    {
        try
        {
            await WriteBatchAsync(db, batch);
            return true;
        }
        catch (Exception) when (batch.Count > 1)
        {
            return false;
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return false;
        }
    }

    /// <summary>
    /// After a batch failed (a racing duplicate id, say): each record not yet answered is checked again and written alone,
    /// on a unit of work of its own, so that it fails alone; a repeat of one now stored is answered from the store.
    /// </summary>
    private async Task WriteEachAloneAsync(IReadOnlyList<Pending> batch)
    {
        foreach (var pending in batch.Where(p => !p.Done.Task.IsCompleted))
        {
            await using var alone = _store.Open();
            await WriteAsync(alone, [pending]);
        }
    }

    private static async Task WriteBatchAsync(TruceDb db, IReadOnlyList<Pending> batch)
    {
        Dictionary<Guid, string> stored;
        using (WriteTelemetry.Begin("replay.check"))
        {
            stored = await StoredHashesAsync(db, batch);
        }
        var inserted = new List<Pending>(batch.Count);
        var rows = new List<PreparedInsert>(batch.Count);
        var repeated = new List<(Pending Pending, CommitOutcome Outcome)>();
        using (WriteTelemetry.Begin("batch.build"))
        {
            var taken = new Dictionary<Guid, string>();
            foreach (var pending in batch)
            {
                if (pending.Record is ISubmittedRecord submitted)
                {
                    if (stored.TryGetValue(submitted.Id, out var storedHash))
                    {
                        // Already committed before this batch: the answer does not wait for this batch's commit.
                        pending.Done.TrySetResult(AnswerTo(submitted, storedHash));
                        continue;
                    }
                    if (!taken.TryAdd(submitted.Id, submitted.SubmissionHash))
                    {
                        // Taken earlier in this batch: answered once that record is committed.
                        repeated.Add((pending, AnswerTo(submitted, taken[submitted.Id])));
                        continue;
                    }
                }
                rows.Add(pending.Prepared);
                inserted.Add(pending);
            }
        }
        await db.InsertPreparedAsync(rows);
        foreach (var pending in inserted)
        {
            pending.Done.TrySetResult(CommitOutcome.Inserted);
        }
        foreach (var (pending, outcome) in repeated)
        {
            pending.Done.TrySetResult(outcome);
        }
    }

    private RecordShape ShapeOf(Type type)
    {
        using var db = _store.Open();
        return RecordShape.Of(db.Model.FindEntityType(type) ?? throw new ArgumentException($"{type.Name} is not a record of the store.", nameof(type)));
    }

    private static CommitOutcome AnswerTo(ISubmittedRecord submitted, string storedHash) =>
        string.Equals(storedHash, submitted.SubmissionHash, StringComparison.Ordinal) ? CommitOutcome.Replayed : CommitOutcome.IdReused;

    /// <summary>The submission hash of every id of the batch that is already stored: one query per record type, WHERE id IN (...).</summary>
    private static async Task<Dictionary<Guid, string>> StoredHashesAsync(TruceDb db, IReadOnlyList<Pending> batch)
    {
        var found = new Dictionary<Guid, string>();
        foreach (var records in batch.Select(p => p.Record).OfType<ISubmittedRecord>().GroupBy(r => r.GetType()))
        {
            var shape = RecordShape.Of(db.Model.FindEntityType(records.Key)
                ?? throw new ArgumentException($"{records.Key.Name} is not a record of the store.", nameof(batch)));
            var key = shape.Key.Single();
            var hash = shape.Columns.Single(c => c.Property.Name == nameof(ISubmittedRecord.SubmissionHash));
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var ids = records.DistinctBy(r => r.Id).ToList();
            command.CommandText = $"SELECT \"{key.Name}\", \"{hash.Name}\" FROM \"{shape.Table}\" " +
                $"WHERE \"{key.Name}\" IN ({string.Join(", ", ids.Select((_, i) => $"@k{i}"))})";
            // The key column's own type mapping binds each id as EF's inserts store it (text on SQLite, uuid on PostgreSQL).
            for (var i = 0; i < ids.Count; i++)
            {
                command.Parameters.Add(key.Mapping.CreateParameter(command, $"@k{i}", key.Stored(ids[i]), nullable: false));
            }
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found[reader.GetGuid(0)] = reader.GetString(1);
            }
        }
        return found;
    }
}
