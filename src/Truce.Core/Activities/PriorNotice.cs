namespace Truce.Activities;

/// <summary>What the notified activities say about an observation or incident (<see cref="PriorNotices"/>).</summary>
public enum PriorNotice
{
    /// <summary>Nothing to say: not inside a notified activity, and not a movement of forces.</summary>
    None,
    /// <summary>Inside a notified activity's area and window: not a violation until an analyst decides.</summary>
    PreNotified,
    /// <summary>A military movement that no notified activity covers.</summary>
    NotNotified,
}
