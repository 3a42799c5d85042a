using System.Threading.Channels;
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
/// </summary>
public sealed class GroupCommit
{
    /// <summary>At most this many records in one transaction, so one commit never holds the rest for long.</summary>
    public const int MaxBatch = 256;

    /// <summary>At most this many records wait for the writer (four batches): about a second of commits on a slow disk.</summary>
    public const int MaxWaiting = 4 * MaxBatch;

    private readonly Store _store;
    private readonly Channel<Pending> _queue;

    internal GroupCommit(Store store, int maxWaiting = MaxWaiting)
    {
        _store = store;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(maxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _ = Task.Run(RunAsync);
    }

    private sealed record Pending(object Record, Viewer Actor, TaskCompletionSource Done);

    /// <summary>
    /// Inserts a new record: true once it is committed, false at once (nothing written) when <see cref="MaxWaiting"/>
    /// records are already waiting; throws what writing it alone threw.
    /// </summary>
    public async Task<bool> TryInsertAsync(object record, Viewer actor, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(record, actor, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            return false;
        }
        // A caller that gives up still leaves its record to be committed: a retry with the same id is then answered as a retry.
        await pending.Done.Task.WaitAsync(cancellationToken);
        return true;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            await using var db = _store.Open();
            foreach (var pending in batch)
            {
                db.Add(pending.Record);
                db.ActorOf[pending.Record] = pending.Actor;
            }
            await db.SaveChangesAsync();
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult();
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }
}
