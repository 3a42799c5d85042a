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
    /// <summary>Record commitments and their status, hazardous areas and their land release, and checklist evidence.</summary>
    TrackCommitments,
    /// <summary>Draw up the handover plan (phases, handovers, checklists) and move handovers through their states.</summary>
    PlanHandover,
    /// <summary>Write the humanitarian registers: displacement, basic services, infrastructure, and mine action's land release.</summary>
    WriteRegisters,
    /// <summary>Sign a handover's certificate for one's party (the handover must name that party).</summary>
    SignOffHandover,
    /// <summary>Generate, edit, review and publish situation reports.</summary>
    WriteReports,
    /// <summary>Approve or reject readers' comments on published reports.</summary>
    ModerateComments,
    /// <summary>Reply, for one's party, to a disputed attribution in a report under review.</summary>
    ReplyToReports,
    /// <summary>Create and disable webhook subscriptions: any for an administrator, its own party's for a liaison.</summary>
    ManageWebhooks,
}
