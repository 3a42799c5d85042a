namespace Truce.Activities;

/// <summary>An observation the notified activities flag, at the position the viewer is shown (what the map's prior-notice layer draws).</summary>
public sealed record FlaggedObservation(Guid Id, Guid? IncidentId, DateTimeOffset ObservedFrom, double Latitude, double Longitude, PriorNotice Flag);
