namespace Truce.Humanitarian;

public enum ReasonWeight
{
    Blocker,
    Concern,
    /// <summary>Context that moves no level (returns so far).</summary>
    Note,
}
