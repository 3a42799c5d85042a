namespace Truce.Humanitarian;

public enum ReadinessLevel
{
    /// <summary>At least one blocker: a recent verified incident nearby, unreleased land at the place, an essential service out.</summary>
    NotReady,
    /// <summary>No blocker, but concerns: a service partial or unknown, hazards a few kilometres off, damaged assets.</summary>
    Conditional,
    Ready,
}
