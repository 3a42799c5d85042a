namespace Truce.Activities;

/// <summary>What a party notifies it will do; each kind has its own lead time (<see cref="LeadTimes"/>).</summary>
public enum ActivityKind
{
    Rotation,
    Exercise,
    /// <summary>Engineering or repair works under a window of silence.</summary>
    EngineeringWorks,
    Demining,
    LiveFiring,
}
