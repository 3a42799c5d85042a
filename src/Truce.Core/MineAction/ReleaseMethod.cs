namespace Truce.MineAction;

/// <summary>How land was released (IMAS 08.10).</summary>
public enum ReleaseMethod
{
    /// <summary>Non-technical survey found no evidence of contamination.</summary>
    Cancelled,
    /// <summary>Technical survey excluded part of the area.</summary>
    Reduced,
    /// <summary>Clearance removed and destroyed the hazards.</summary>
    Cleared,
}
