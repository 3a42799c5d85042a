namespace Truce.Verification;

public enum IncidentStatus
{
    Reported,
    UnderReview,
    Verified,
    Unverifiable,
    Disputed,
    Rejected,
}

public static class IncidentStatuses
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Legal = new()
    {
        [IncidentStatus.Reported] = [IncidentStatus.UnderReview, IncidentStatus.Rejected],
        [IncidentStatus.UnderReview] =
            [IncidentStatus.Verified, IncidentStatus.Unverifiable, IncidentStatus.Disputed, IncidentStatus.Rejected],
        // A verified finding can be contested by a party or reopened on new evidence, never silently dropped.
        [IncidentStatus.Verified] = [IncidentStatus.Disputed, IncidentStatus.UnderReview],
        [IncidentStatus.Disputed] = [IncidentStatus.Verified, IncidentStatus.Unverifiable, IncidentStatus.Rejected, IncidentStatus.UnderReview],
        [IncidentStatus.Unverifiable] = [IncidentStatus.UnderReview],
        [IncidentStatus.Rejected] = [IncidentStatus.UnderReview],
    };

    /// <summary>Whether an assessment may move an incident from one status to another. Staying put is always allowed.</summary>
    public static bool CanMove(this IncidentStatus from, IncidentStatus to) => from == to || Legal[from].Contains(to);

    public static IReadOnlyList<IncidentStatus> Next(this IncidentStatus from) => Legal[from];

    public static string Label(this IncidentStatus status) => status switch
    {
        IncidentStatus.UnderReview => "Under review",
        _ => status.ToString(),
    };
}
