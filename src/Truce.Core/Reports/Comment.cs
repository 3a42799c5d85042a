using Truce.Access;

namespace Truce.Reports;

/// <summary>A reader's comment on a published report. It is public only once a moderator approves it.</summary>
public sealed class Comment : IHasVisibility
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    /// <summary>The name the reader gave, plain text.</summary>
    public string Name { get; set; } = "";

    /// <summary>The comment as plain text: any markup was removed before it was stored.</summary>
    public string Text { get; set; } = "";

    public CommentStatus Status { get; set; }

    /// <summary>Public when approved, internal otherwise.</summary>
    public Visibility Visibility { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? ModeratedAt { get; set; }
}
