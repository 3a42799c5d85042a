using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Truce.Storage;

namespace Truce.Import;

/// <summary>
/// The import's transaction, which spans batches: begun by the first batch that writes, committed once it holds
/// <see cref="ImportOptions.CommitSize"/> events and at the end, rolled back when the import stops without reaching
/// a commit. Each commit is synced as any other; a batch reads the batches before it in the same transaction.
/// </summary>
internal sealed class ImportTransaction(TruceDb db, int commitSize) : IAsyncDisposable
{
    private IDbContextTransaction? _open;
    private long _events;
    private int _commits;

    public TruceDb Db { get; } = db;

    public async Task BeginAsync(CancellationToken cancellationToken) =>
        _open ??= await Db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>A batch of so many events is written in the open transaction: commits once the transaction holds enough.</summary>
    public async Task WrittenAsync(int events, CancellationToken cancellationToken)
    {
        _events += events;
        if (_events >= commitSize)
        {
            await CommitAsync(cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_open is not { } open)
        {
            return;
        }
        using (WriteTelemetry.Begin("commit"))
        {
            await open.CommitAsync(cancellationToken);
        }
        await open.DisposeAsync();
        _open = null;
        _events = 0;
        await Db.BulkWriteCommittedAsync(++_commits, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_open is { } open)
        {
            await open.DisposeAsync();
        }
    }
}
