namespace Truce.Handovers;

public enum CommitmentStatus
{
    Pending,
    Met,
    PartlyMet,
    Missed,
    Disputed,
}
