namespace Truce.Humanitarian;

/// <summary>A place's standing: its level, a score to sort by (100 less 40 per blocker and 10 per concern, not below 0) and every reason.</summary>
public sealed record ReadinessAssessment(string PlaceId, string PlaceName, double Latitude, double Longitude, ReadinessLevel Level, int Score, IReadOnlyList<ReadinessReason> Reasons);
