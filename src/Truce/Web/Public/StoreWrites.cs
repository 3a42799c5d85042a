using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Truce.Web;

/// <summary>
/// Counts the writes this process makes to any store: EF Core reports every completed SaveChanges and every committed
/// transaction on its DiagnosticListener, and every change to the store (journal included) goes through SaveChanges.
/// <see cref="PublicCache"/> trusts the journal version it last read only while this count has not moved.
/// </summary>
internal sealed class StoreWrites : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string[] Events = [CoreEventId.SaveChangesCompleted.Name!, RelationalEventId.TransactionCommitted.Name!];

    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];
    private long _count;

    public StoreWrites() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

    public long Count => Interlocked.Read(ref _count);

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => Events.Contains(name)));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value) => Interlocked.Increment(ref _count);

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
