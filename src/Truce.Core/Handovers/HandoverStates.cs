namespace Truce.Handovers;

public static class HandoverStates
{
    // A completed handover is history: undoing it is a new handover back, not a move of this one.
    private static readonly Dictionary<HandoverState, HandoverState[]> Legal = new()
    {
        [HandoverState.Planned] = [HandoverState.Ready, HandoverState.Postponed],
        [HandoverState.Ready] = [HandoverState.InProgress, HandoverState.Planned, HandoverState.Postponed],
        [HandoverState.InProgress] = [HandoverState.Completed, HandoverState.Postponed],
        [HandoverState.Postponed] = [HandoverState.Planned],
        [HandoverState.Completed] = [],
    };

    /// <summary>Whether a handover may move from one state to another; staying put is not a move.</summary>
    public static bool CanMove(this HandoverState from, HandoverState to) => Legal[from].Contains(to);

    public static IReadOnlyList<HandoverState> Next(this HandoverState from) => Legal[from];
}
