namespace Truce.Humanitarian;

/// <summary>
/// One reason of an assessment: what it is about (the incident, hazardous area, service or asset, by id and name) and
/// the figure that decided it (kilometres away, days ago, the service's level, the damage, people returned).
/// </summary>
public sealed record ReadinessReason(ReasonWeight Weight, ReasonCode Code, string SubjectId, string Subject, string Detail);
