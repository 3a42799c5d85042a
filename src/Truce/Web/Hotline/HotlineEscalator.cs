using Truce.Hotline;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// Records the hotline's escalation notices as their deadlines lapse, once a minute on the app's clock. Every node may
/// run it: what it records is derived from the store and keyed by (message, level), so nodes neither repeat nor lose one.
/// </summary>
internal sealed partial class HotlineEscalator(Store store, TruceSettings settings, TimeProvider clock, ILogger<HotlineEscalator> logger) : BackgroundService
{
    /// <summary>How often the store is checked; a deadline is hours long, so a minute's lateness does not matter.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var recorded = await Escalations.RecordDueAsync(store, settings.Hotline, stoppingToken);
            foreach (var escalation in recorded)
            {
                LogEscalated(logger, escalation.MessageId, escalation.Level, escalation.EscalatedTo);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A store that is briefly unreachable must not stop the escalations: the next tick derives the same levels again.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotline message {MessageId} escalated to level {Level} ({Role})")]
    private static partial void LogEscalated(ILogger logger, Guid messageId, int level, Truce.Access.Role role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hotline escalation check failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
