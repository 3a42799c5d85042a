namespace Truce.Reports;

/// <summary>
/// The conditions the patrols recorded in the period, which limit what they could see: the weather they named (most
/// often first) and the shortest and longest view range, in metres (null when none was recorded).
/// </summary>
public sealed record ObservationConditions(IReadOnlyList<string> Weather, int? ShortestViewM, int? LongestViewM);
