namespace Truce.Humanitarian;

/// <summary>A damage assessment's grade, as in the usual post-conflict building surveys.</summary>
public enum DamageLevel
{
    None,
    Light,
    /// <summary>Usable with repairs.</summary>
    Moderate,
    /// <summary>Not usable until rebuilt in part.</summary>
    Severe,
    Destroyed,
}
