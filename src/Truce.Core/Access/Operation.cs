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
    /// <summary>Read the hotline threads of one's own party (liaisons) or all of them (the mission).</summary>
    ReadHotline,
    /// <summary>Open a hotline thread, write in it, acknowledge a message addressed to one's party.</summary>
    WriteHotline,
    ManageUsers,
}
