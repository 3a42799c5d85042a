using Truce.Access;

namespace Truce.Handovers;

/// <summary>
/// A confidence-building commitment of one or both parties (exchange of minefield maps, return of remains, opening a
/// road): a due date, evidence, and a status the mission's monitors set with a reason.
/// </summary>
[ReadBy(ReadRule.Everyone)]
public sealed class Commitment
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The committed parties' codes separated by spaces, sorted.</summary>
    public string PartyIds { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    /// <summary>Links and notes that show what was done, one a line.</summary>
    public string? Evidence { get; set; }

    public CommitmentStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string SubmissionHash { get; set; } = "";

    /// <summary>Still pending after its due date.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == CommitmentStatus.Pending && DueAt < now;
}
