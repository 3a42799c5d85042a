namespace Truce.Access;

/// <summary>Every kind of write, and every read that is not a plain "may see this record".</summary>
public enum Operation
{
    SubmitObservation,
    PublishObservation,
    AttachEvidence,
    GroupIncident,
    AssessIncident,
    ImportEvents,
    ReadJournal,
    ManageUsers,
}
