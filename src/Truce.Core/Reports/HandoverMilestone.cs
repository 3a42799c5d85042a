namespace Truce.Reports;

/// <summary>A handover that was completed or postponed in a report's period: what, to whom, and when it moved (its state's slug).</summary>
public sealed record HandoverMilestone(Guid Id, string Name, string? ZoneId, string ToPartyId, string State, DateTimeOffset At);
