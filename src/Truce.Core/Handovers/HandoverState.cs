namespace Truce.Handovers;

/// <summary>Where a handover stands; <see cref="HandoverStates"/> says which moves are legal.</summary>
public enum HandoverState
{
    Planned,
    Ready,
    InProgress,
    Completed,
    Postponed,
}
