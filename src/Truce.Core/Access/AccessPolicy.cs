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
        // Reads first: a read-only token may do these.
        Operation.ReadEvidence => viewer.IsSignedIn && viewer.Role is not Role.Public,
        Operation.ReadJournal => viewer.Role is Role.Administrator,
        _ when viewer.ReadOnly => false,
        Operation.SubmitObservation or Operation.AttachEvidence =>
            viewer.Role is Role.Monitor or Role.Analyst or Role.Liaison or Role.Administrator,
        Operation.PublishObservation or Operation.GroupIncident or Operation.AssessIncident or Operation.Corroborate or Operation.ImportEvents =>
            viewer.Role is Role.Analyst or Role.Administrator,
        Operation.ManageUsers => viewer.Role is Role.Administrator,
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

    /// <summary>
    /// The location the viewer may see. The public sees published records with their position snapped to
    /// the centre of a grid cell of <paramref name="publicPrecisionM"/> metres, so that a published report
    /// does not point at the observer or a source's home; everyone else sees it as recorded.
    /// </summary>
    public static (double Latitude, double Longitude, int PrecisionM) Location(
        this Viewer viewer, double latitude, double longitude, int precisionM, int publicPrecisionM)
    {
        if (viewer.Role != Role.Public || publicPrecisionM <= 0 || precisionM >= publicPrecisionM)
        {
            return (latitude, longitude, precisionM);
        }
        var step = publicPrecisionM / 111_320.0;
        var lat = (Math.Floor(latitude / step) + 0.5) * step;
        var lonStep = step / Math.Max(0.01, Math.Cos(lat * Math.PI / 180));
        var lon = (Math.Floor(longitude / lonStep) + 0.5) * lonStep;
        return (Math.Round(lat, 5), Math.Round(lon, 5), publicPrecisionM);
    }

    /// <summary>
    /// An observation as this viewer may read it. For the public: the position coarsened (see
    /// <see cref="Location"/>), and nothing that would point at the source: no observer position, bearing
    /// or distance, no source name or external id, no evidence.
    /// </summary>
    public static Observation Disclose(this Viewer viewer, Observation o, int publicPrecisionM)
    {
        if (viewer.Role != Role.Public)
        {
            return o;
        }
        var (lat, lon, precision) = viewer.Location(o.Latitude, o.Longitude, o.LocationPrecisionM, publicPrecisionM);
        return new Observation
        {
            Id = o.Id, ObservedFrom = o.ObservedFrom, ObservedTo = o.ObservedTo, TimePrecision = o.TimePrecision,
            Latitude = lat, Longitude = lon, LocationPrecisionM = precision, AreaName = o.AreaName, Cell = o.Cell,
            Category = o.Category, Count = o.Count, Sensor = o.Sensor, CiviliansKilled = o.CiviliansKilled,
            CiviliansInjured = o.CiviliansInjured, CombatantsKilled = o.CombatantsKilled, CombatantsInjured = o.CombatantsInjured,
            AllegedPartyId = o.AllegedPartyId, Weather = o.Weather, ViewRangeM = o.ViewRangeM, Narrative = o.Narrative,
            Source = "withheld", Visibility = o.Visibility, IncidentId = o.IncidentId, ReceivedAt = o.ReceivedAt,
        };
    }

    /// <summary>An incident as this viewer may read it: for the public, its position coarsened.</summary>
    public static Incident Disclose(this Viewer viewer, Incident incident, int publicPrecisionM)
    {
        if (viewer.Role != Role.Public)
        {
            return incident;
        }
        (incident.Latitude, incident.Longitude, incident.LocationPrecisionM) =
            viewer.Location(incident.Latitude, incident.Longitude, incident.LocationPrecisionM, publicPrecisionM);
        return incident;
    }

    /// <summary>The widest visibility this viewer may give a record it writes.</summary>
    public static bool MayGive(this Viewer viewer, Visibility visibility) =>
        visibility != Visibility.Public || viewer.Can(Operation.PublishObservation);
}
