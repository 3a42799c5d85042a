namespace Truce.Access;

/// <summary>Every kind of write, and every read that is not a plain "may see this record".</summary>
public enum Operation
{
    SubmitObservation,
    PublishObservation,
    AttachEvidence,
    GroupIncident,
    AssessIncident,
    /// <summary>See the engine's proposals and attach, split and merge incidents.</summary>
    Corroborate,
    /// <summary>Import events from a dataset (UCDP, ACLED, GeoJSON).</summary>
    ImportEvents,
    ReadJournal,
    ReadEvidence,
    ManageUsers,
    /// <summary>Generate, edit, review and publish situation reports.</summary>
    WriteReports,
    /// <summary>Approve or reject readers' comments on published reports.</summary>
    ModerateComments,
    /// <summary>Reply, for one's party, to a disputed attribution in a report under review.</summary>
    ReplyToReports,
}
