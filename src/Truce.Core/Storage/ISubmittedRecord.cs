namespace Truce.Storage;

/// <summary>
/// A record whose id its client chose, so that a retry is recognised: the same id with the same
/// <see cref="SubmissionHash"/> is a replay, with another an id reused. <see cref="GroupCommit"/> checks a whole
/// batch of these with one query.
/// </summary>
public interface ISubmittedRecord
{
    Guid Id { get; }

    /// <summary>SHA-256 of the submission as its client sent it (<see cref="Submission.Hash"/>).</summary>
    string SubmissionHash { get; }
}
