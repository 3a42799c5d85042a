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
    /// The records of a type with a visibility that this viewer may see. Mission staff see everything; a liaison
    /// sees what is shared with the parties and what its own party submitted; everyone else sees what is published.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, Viewer viewer) where T : class, IHasVisibility => viewer.Role switch
    {
        Role.Administrator or Role.Analyst or Role.Monitor => query,
        Role.Liaison when typeof(ISubmittedByParty).IsAssignableFrom(typeof(T)) =>
            query.Where(r => r.Visibility != Visibility.Internal || ((ISubmittedByParty)r).SubmittedByPartyId == viewer.PartyId),
        Role.Liaison => query.Where(r => r.Visibility != Visibility.Internal),
        _ => query.Where(r => r.Visibility == Visibility.Public),
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
    /// A record as this viewer may read it: as stored for everyone but the public, who see each type's public
    /// form (the ForPublic methods below). A type with a visibility but no public form is refused, never shown whole.
    /// </summary>
    public static T Disclose<T>(this Viewer viewer, T record, int publicPrecisionM) where T : class, IHasVisibility =>
        viewer.Role != Role.Public ? record : record switch
        {
            Observation o => (T)(object)ForPublic(viewer, o, publicPrecisionM),
            Incident i => (T)(object)ForPublic(viewer, i, publicPrecisionM),
            _ => throw new NotSupportedException($"AccessPolicy has no public form of {typeof(T).Name}."),
        };

    /// <summary>
    /// An observation for the public: the position coarsened (see <see cref="Location"/>), and nothing that would
    /// point at the source: no observer position, bearing or distance, no source name or external id, no evidence.
    /// </summary>
    private static Observation ForPublic(Viewer viewer, Observation o, int publicPrecisionM)
    {
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

    /// <summary>An incident for the public: its position coarsened.</summary>
    private static Incident ForPublic(Viewer viewer, Incident incident, int publicPrecisionM)
    {
        (incident.Latitude, incident.Longitude, incident.LocationPrecisionM) =
            viewer.Location(incident.Latitude, incident.Longitude, incident.LocationPrecisionM, publicPrecisionM);
        return incident;
    }

    /// <summary>The widest visibility this viewer may give a record it writes.</summary>
    public static bool MayGive(this Viewer viewer, Visibility visibility) =>
        visibility != Visibility.Public || viewer.Can(Operation.PublishObservation);
}
