using Truce.Handovers;

namespace Truce.Web;

/// <summary>A commitment; <c>overdue</c>: still pending after its due date.</summary>
public sealed record CommitmentJson(Guid Id, string Title, IReadOnlyList<string> Parties, DateTimeOffset DueAt, string? Evidence, string Status, string? StatusReason, bool Overdue)
{
    public static CommitmentJson From(Commitment c, DateTimeOffset now) =>
        new(c.Id, c.Title, c.PartyIds.Split(' ', StringSplitOptions.RemoveEmptyEntries), c.DueAt, c.Evidence, Slug.Of(c.Status), c.StatusReason, c.IsOverdue(now));
}
