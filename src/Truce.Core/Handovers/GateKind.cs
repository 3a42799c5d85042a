namespace Truce.Handovers;

/// <summary>The readiness gates of a handover, in the order they are shown.</summary>
public enum GateKind
{
    /// <summary>No verified violation within R km of the zone, its sites or its route for the last D days.</summary>
    Quiet,
    /// <summary>Every hazardous area touching the zone, its sites or its access route cleared or cancelled.</summary>
    Hazards,
    /// <summary>Every commitment the handover names is met.</summary>
    Commitments,
    /// <summary>Every manual checklist item is done with evidence.</summary>
    Checklist,
}
