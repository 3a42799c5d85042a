using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Access;

/// <summary>
/// The one place that decides who may see and change what. Pages, the API and the CLI ask here;
/// none of them decides on its own.
/// </summary>
public static class AccessPolicy
{
    public static bool Can(this Viewer viewer, Operation operation) => operation switch
    {
        Operation.SubmitObservation or Operation.AttachEvidence =>
            viewer.Role is Role.Monitor or Role.Analyst or Role.Liaison or Role.Administrator,
        Operation.PublishObservation or Operation.GroupIncident or Operation.AssessIncident or Operation.ImportEvents =>
            viewer.Role is Role.Analyst or Role.Administrator,
        Operation.ReadJournal or Operation.ManageUsers => viewer.Role is Role.Administrator,
        _ => false,
    };

    /// <summary>
    /// Mission staff see everything; a liaison sees what is shared with the parties and what its own
    /// party submitted; everyone else sees what is published.
    /// </summary>
    public static IQueryable<Observation> VisibleTo(this IQueryable<Observation> query, Viewer viewer) => viewer.Role switch
    {
        Role.Administrator or Role.Analyst or Role.Monitor => query,
        Role.Liaison => query.Where(o => o.Visibility != Visibility.Internal || o.SubmittedByPartyId == viewer.PartyId),
        _ => query.Where(o => o.Visibility == Visibility.Public),
    };

    public static IQueryable<Incident> VisibleTo(this IQueryable<Incident> query, Viewer viewer) => viewer.Role switch
    {
        Role.Administrator or Role.Analyst or Role.Monitor => query,
        Role.Liaison => query.Where(i => i.Visibility != Visibility.Internal),
        _ => query.Where(i => i.Visibility == Visibility.Public),
    };

    /// <summary>The widest visibility this viewer may give a record it writes.</summary>
    public static bool MayGive(this Viewer viewer, Visibility visibility) =>
        visibility != Visibility.Public || viewer.Can(Operation.PublishObservation);
}
