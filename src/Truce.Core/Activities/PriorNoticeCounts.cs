namespace Truce.Activities;

/// <summary>
/// How many observations and incidents of a period the notified activities flag, as one viewer sees them
/// (<see cref="Notifications.CountAsync"/>): pre-notified (inside a notified activity) and not notified (a military
/// movement no activity covers).
/// </summary>
public sealed record PriorNoticeCounts(int PreNotifiedObservations, int NotNotifiedObservations, int PreNotifiedIncidents, int NotNotifiedIncidents)
{
    public static PriorNoticeCounts None { get; } = new(0, 0, 0, 0);
}
