namespace Truce.Reports;

/// <summary>How many activities of one kind (its slug) the parties notified for a report's period, and how many of those late.</summary>
public sealed record NotifiedActivityCount(string Kind, int Count, int LateNotice);
