namespace Truce.Handovers;

/// <summary>
/// A record a gate looked at: an incident, a hazardous area, a commitment or a checklist item (<paramref name="Kind"/>
/// is its slug), what it says, and whether it holds the gate shut.
/// </summary>
public sealed record GateEvidence(string Kind, string Id, string Text, bool Blocking);
