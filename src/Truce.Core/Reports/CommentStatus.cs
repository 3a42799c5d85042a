namespace Truce.Reports;

/// <summary>A comment is held until a moderator approves or rejects it.</summary>
public enum CommentStatus
{
    Held,
    Approved,
    Rejected,
}
