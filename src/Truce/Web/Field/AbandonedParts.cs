namespace Truce.Web;

/// <summary>
/// Removes the parts of evidence uploads that nobody finished (a device lost, a report discarded): a part file in
/// DATA/uploads (<see cref="EvidenceChunks"/>) not written to for <see cref="TruceSettings.AbandonedParts"/>
/// (`Field:AbandonedPartHours`, 48 by default: a patrol offline for a day and a night still resumes). Checked at start and
/// every <see cref="Interval"/> on the app's clock; every node may run it, since each sweeps its own folder.
/// </summary>
internal sealed partial class AbandonedParts(TruceSettings settings, TimeProvider clock, ILogger<AbandonedParts> logger) : BackgroundService
{
    /// <summary>How often the folder is swept; against an age of days, an hour's lateness does not matter.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the part files last written before <paramref name="now"/> less <paramref name="age"/>; returns how many.</summary>
    public static int Sweep(string dataFolder, DateTimeOffset now, TimeSpan age)
    {
        var folder = new DirectoryInfo(Path.Combine(dataFolder, EvidenceChunks.Folder));
        if (!folder.Exists)
        {
            return 0;
        }
        var removed = 0;
        foreach (var part in folder.EnumerateFiles("*.part"))
        {
            if (part.LastWriteTimeUtc < (now - age).UtcDateTime)
            {
                try
                {
                    part.Delete();
                    removed++;
                }
                catch (IOException)
                {
                    // Gone already, or being written at this moment: the next sweep decides again.
                }
            }
        }
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                RunOnce();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void RunOnce()
    {
        try
        {
            // Zero (a settings record built without it) sweeps nothing rather than everything.
            if (settings.AbandonedParts > TimeSpan.Zero && Sweep(settings.DataFolder, clock.GetUtcNow(), settings.AbandonedParts) is > 0 and var removed)
            {
                LogRemoved(logger, removed, settings.AbandonedParts.TotalHours);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder briefly unreadable must not stop the sweeps: the next tick tries again.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} evidence upload parts untouched for {Hours} hours")]
    private static partial void LogRemoved(ILogger logger, int count, double hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping abandoned evidence upload parts failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
