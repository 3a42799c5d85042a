using Truce.Reports;

namespace Truce.Web;

/// <summary>What the page <see cref="CommentQueue"/> shows: the comments waiting for a moderator and the reports they are on.</summary>
public sealed record CommentQueueModel(Chrome Chrome, IReadOnlyList<Comment> Held, IReadOnlyDictionary<Guid, Report> Reports, Failure? Problem)
    : IPageModel<CommentQueue>;
