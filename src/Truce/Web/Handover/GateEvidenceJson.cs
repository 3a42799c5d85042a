namespace Truce.Web;

/// <summary>A record a gate looked at: kind (incident, hazardous_area, commitment, checklist_item), id, what it says, whether it blocks.</summary>
public sealed record GateEvidenceJson(string Kind, string Id, string Text, bool Blocking);
