using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Reports;

/// <summary>Readers' comments on published reports: received as plain text, held until a moderator approves them.</summary>
public static class Comments
{
    public const int MaxName = 80;

    public const int MaxText = 4000;

    /// <summary>
    /// Takes a comment on a published report and holds it for moderation. Name and comment are required; markup is
    /// removed before it is stored. A filled honeypot is a bot: answered as if held, and nothing is stored.
    /// </summary>
    public static async Task<Result<Comment>> SubmitAsync(TruceDb db, Guid reportId, CommentInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var name = Submission.Text(input.Name is null ? null : Narrative.StripMarkup(input.Name), "name", MaxName, errors);
        var text = Submission.Text(input.Text is null ? null : Narrative.StripMarkup(input.Text), "text", MaxText, errors);
        if (name is null && !errors.Any)
        {
            errors.Add("name", $"Please enter your name");
        }
        if (text is null && !errors.Any)
        {
            errors.Add("text", $"Please enter your comment");
        }
        if (errors.Any)
        {
            return errors.ToFailure($"The comment cannot be sent.");
        }
        if (!await db.Set<Report>().AnyAsync(r => r.Id == reportId && r.Status == ReportStatus.Published, cancellationToken))
        {
            return Failure.NotFound("The report");
        }
        var comment = new Comment
        {
            Id = Guid.CreateVersion7(), ReportId = reportId, Name = name!, Text = text!, Status = CommentStatus.Held,
            Visibility = Visibility.Internal, ReceivedAt = Instant.Now(db.Clock),
        };
        if (!string.IsNullOrEmpty(input.Website))
        {
            return comment;
        }
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    /// <summary>Approves (publishes) or rejects a comment; a moderator may change their mind later.</summary>
    public static async Task<Result<Comment>> ModerateAsync(TruceDb db, Viewer moderator, Guid id, string? decision, CancellationToken cancellationToken = default)
    {
        if (!moderator.Can(Operation.ModerateComments))
        {
            return Failure.Forbidden($"Only an analyst or administrator may moderate comments.");
        }
        var errors = new FieldErrors();
        var status = Submission.Choice<CommentStatus>(decision, "decision", errors);
        if (status is null or CommentStatus.Held && !errors.Any)
        {
            errors.Add("decision", $"must be approved or rejected.");
        }
        if (errors.Any)
        {
            return errors.ToFailure($"The comment cannot be moderated.");
        }
        var comment = await db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return Failure.NotFound("The comment");
        }
        comment.Status = status!.Value;
        comment.Visibility = status == CommentStatus.Approved ? Visibility.Public : Visibility.Internal;
        comment.ModeratedAt = Instant.Now(db.Clock);
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    /// <summary>The comments waiting for a moderator, oldest first.</summary>
    public static async Task<IReadOnlyList<Comment>> HeldAsync(TruceDb db, Viewer moderator, CancellationToken cancellationToken = default) =>
        (await db.Set<Comment>().AsNoTracking().VisibleTo(moderator).Where(c => c.Status == CommentStatus.Held).ToListAsync(cancellationToken))
            .OrderBy(c => c.ReceivedAt).ToList();

    /// <summary>Every approved comment the viewer may see, oldest first (what the public pages show, read at once).</summary>
    public static async Task<IReadOnlyList<Comment>> ApprovedAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default) =>
        (await db.Set<Comment>().AsNoTracking().VisibleTo(viewer).Where(c => c.Status == CommentStatus.Approved).ToListAsync(cancellationToken))
            .OrderBy(c => c.ReceivedAt).Select(c => viewer.Disclose(c, db.PublicPrecisionM)).ToList();

    /// <summary>A report's comments the viewer may see (the public: the approved ones), oldest first.</summary>
    public static async Task<IReadOnlyList<Comment>> OfReportAsync(TruceDb db, Viewer viewer, Guid reportId, CancellationToken cancellationToken = default) =>
        (await db.Set<Comment>().AsNoTracking().VisibleTo(viewer).Where(c => c.ReportId == reportId && c.Status == CommentStatus.Approved)
            .ToListAsync(cancellationToken)).OrderBy(c => c.ReceivedAt).Select(c => viewer.Disclose(c, db.PublicPrecisionM)).ToList();
}
