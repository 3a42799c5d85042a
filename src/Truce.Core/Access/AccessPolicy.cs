using Truce.Hotline;
using Truce.Monitoring;
using Truce.Reports;
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
        // Evidence points at its source: the mission and the parties (for the reports they may see), never the public form.
        Operation.ReadEvidence => viewer.IsSignedIn && (viewer.IsMissionStaff() || viewer.Role is Role.Liaison),
        Operation.ReadJournal => viewer.Role is Role.Administrator,
        // The hotline is between the parties through the mission: its staff and the parties' liaisons, never the public or a partner.
        Operation.ReadHotline => viewer.IsSignedIn && (viewer.IsMissionStaff() || viewer.Role is Role.Liaison),
        _ when viewer.ReadOnly => false,
        Operation.SubmitObservation or Operation.AttachEvidence =>
            viewer.Role is Role.Monitor or Role.Analyst or Role.Liaison or Role.Administrator,
        Operation.PublishObservation or Operation.GroupIncident or Operation.AssessIncident or Operation.Corroborate or Operation.ImportEvents =>
            viewer.Role is Role.Analyst or Role.Administrator,
        Operation.ManageUsers => viewer.Role is Role.Administrator,
        // Only a party speaks on the hotline; the mission reads, and is escalated to.
        Operation.WriteHotline => viewer.Role is Role.Liaison && viewer.PartyId is not null,
        Operation.TrackCommitments => viewer.Role is Role.Monitor or Role.Analyst or Role.Administrator,
        // The registers are kept by the humanitarian partners; the mission's analysts and administrators may correct them.
        Operation.WriteRegisters => viewer.Role is Role.Humanitarian or Role.Analyst or Role.Administrator,
        Operation.PlanHandover => viewer.Role is Role.Analyst or Role.Administrator,
        // Only a party's representative signs for it; which handovers name that party is checked by the command.
        Operation.SignOffHandover => viewer.Role is Role.Liaison && viewer.PartyId is not null,
        Operation.WriteReports or Operation.ModerateComments => viewer.Role is Role.Analyst or Role.Administrator,
        Operation.ReplyToReports => viewer.Role is Role.Liaison,
        // Which subscriptions a liaison manages (its own party's) is decided by Webhooks.Subscriptions.
        Operation.ManageWebhooks => viewer.IsSignedIn && (viewer.Role is Role.Administrator || (viewer.Role is Role.Liaison && viewer.PartyId is not null)),
        _ => false,
    };

    /// <summary>
    /// Whether this viewer may attach evidence to an observation it can see: the mission's staff to any, a liaison only
    /// to a report its own party submitted (not to the other side's shared reports, nor the mission's).
    /// </summary>
    public static bool MayAttachEvidenceTo(this Viewer viewer, Observation observation) =>
        viewer.Can(Operation.AttachEvidence)
        && (viewer.IsMissionStaff() || (viewer.Role is Role.Liaison && observation.SubmittedByPartyId is { } party && party == viewer.PartyId));

    /// <summary>Whether this viewer is told which party (or the mission) submitted a report it may see: not the public form.</summary>
    public static bool SeesSubmitter(this Viewer viewer) => !viewer.SeesPublicForm();

    /// <summary>Whether this viewer is told the name of the user who submitted a report: the mission's staff only.</summary>
    public static bool SeesSubmitterName(this Viewer viewer) => viewer.IsMissionStaff();

    /// <summary>The mission's own staff: they see every record and field as stored, and each other's names.</summary>
    public static bool IsMissionStaff(this Viewer viewer) => viewer.Role is Role.Monitor or Role.Analyst or Role.Administrator;

    /// <summary>
    /// Whether this viewer is shown the public form of records: the public and the humanitarian partners. A partner
    /// sees what is published, as the public does (signed in, so that the mission knows who reads); the mission shares
    /// more with a partner only by publishing it, never by the partner's role.
    /// </summary>
    public static bool SeesPublicForm(this Viewer viewer) => viewer.Role is Role.Public or Role.Humanitarian;

    /// <summary>
    /// The records of a type with a visibility that this viewer may see. Mission staff see everything; a liaison
    /// sees what is shared with the parties and what its own party submitted; everyone else sees what is published.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, Viewer viewer) where T : class, IHasVisibility => viewer.Role switch
    {
        Role.Administrator or Role.Analyst or Role.Monitor => query,
        // The partners who keep the humanitarian registers read all of them, their own working entries too.
        Role.Humanitarian when typeof(IHumanitarianRecord).IsAssignableFrom(typeof(T)) => query,
        Role.Liaison when typeof(ISubmittedByParty).IsAssignableFrom(typeof(T)) =>
            query.Where(r => r.Visibility != Visibility.Internal || ((ISubmittedByParty)r).SubmittedByPartyId == viewer.PartyId),
        Role.Liaison => query.Where(r => r.Visibility != Visibility.Internal),
        _ => query.Where(r => r.Visibility == Visibility.Public),
    };

    /// <summary>
    /// The hotline threads this viewer may read: every one for the mission's staff, a liaison's own party's threads
    /// (either side), none for anyone else. A thread's messages and escalations are read only through its thread.
    /// </summary>
    public static IQueryable<HotlineThread> VisibleTo(this IQueryable<HotlineThread> query, Viewer viewer) => viewer switch
    {
        _ when !viewer.Can(Operation.ReadHotline) => query.Where(_ => false),
        { Role: Role.Liaison } => query.Where(t => t.PartyId == viewer.PartyId || t.OtherPartyId == viewer.PartyId),
        _ => query,
    };

    /// <summary>
    /// The location the viewer may see. The public sees published records with their position snapped to
    /// the centre of a grid cell of <paramref name="publicPrecisionM"/> metres, so that a published report
    /// does not point at the observer or a source's home; everyone else sees it as recorded.
    /// </summary>
    public static (double Latitude, double Longitude, int PrecisionM) Location(
        this Viewer viewer, double latitude, double longitude, int precisionM, int publicPrecisionM)
    {
        return viewer.SeesPublicForm() ? Coarsened(latitude, longitude, precisionM, publicPrecisionM) : (latitude, longitude, precisionM);
    }

    /// <summary>A position snapped to the centre of its grid cell of <paramref name="publicPrecisionM"/> metres (unless it is already that coarse).</summary>
    private static (double Latitude, double Longitude, int PrecisionM) Coarsened(double latitude, double longitude, int precisionM, int publicPrecisionM)
    {
        if (publicPrecisionM <= 0 || precisionM >= publicPrecisionM)
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
    /// A record as this viewer may read it, field by field (docs/security.md has the table): the mission's staff see it
    /// as stored; a liaison sees reports as stored but an incident without the assessments the mission has not shared
    /// and without staff names; the public form (public, humanitarian partners) shows each type's public fields only.
    /// A type with a visibility but no rule here is refused, never shown whole.
    /// </summary>
    public static T Disclose<T>(this Viewer viewer, T record, int publicPrecisionM) where T : class, IHasVisibility =>
        viewer.IsMissionStaff() ? record : record switch
        {
            Observation o => viewer.SeesPublicForm() ? (T)(object)ForPublic(viewer, o, publicPrecisionM) : record,
            Incident i => (T)(object)ForOutsiders(viewer, i, publicPrecisionM),
            // A report is written for publication: its figures and citations are already the public form (Reports.FiguresAsync).
            Report => record,
            // A comment holds only what its author wrote for the public: a name and a text.
            Comment => record,
            // The registers' entries as their writers published them; only who recorded them stays with the mission and the partners.
            _ when record is IHumanitarianRecord && viewer.SeesRegisterRecorder() => record,
            Humanitarian.DisplacementFigure f => (T)(object)f.WithoutRecorder(),
            Humanitarian.ServiceReport r => (T)(object)r.WithoutRecorder(),
            Humanitarian.InfrastructureAsset => record,
            _ => throw new NotSupportedException($"AccessPolicy has no disclosure rule for {typeof(T).Name}."),
        };

    /// <summary>
    /// Whether this viewer is told which account recorded a register entry (a displacement figure, a service report, a
    /// damage assessment): the mission's staff and the humanitarian partners who keep the registers, not the parties'
    /// liaisons nor the public.
    /// </summary>
    public static bool SeesRegisterRecorder(this Viewer viewer) => viewer.IsMissionStaff() || viewer.Role is Role.Humanitarian;

    /// <summary>
    /// A damage assessment as this viewer may read it. It has no visibility of its own: it is read with its asset
    /// (<see cref="ReadRule.WithOwner"/>), whose visibility decides whether it is seen at all; this decides its fields.
    /// </summary>
    public static Humanitarian.DamageAssessment DiscloseDamage(this Viewer viewer, Humanitarian.DamageAssessment assessment) =>
        viewer.SeesRegisterRecorder() ? assessment : assessment.WithoutRecorder();

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

    /// <summary>
    /// An incident for everyone outside the mission: only the assessments this viewer may read (see
    /// <see cref="AssessmentVisibility"/>), none with an analyst's name; for the public form, its position coarsened.
    /// </summary>
    private static Incident ForOutsiders(Viewer viewer, Incident incident, int publicPrecisionM)
    {
        var (lat, lon, precision) = viewer.Location(incident.Latitude, incident.Longitude, incident.LocationPrecisionM, publicPrecisionM);
        var assessments = AssessmentVisibility(incident)
            .Where(x => viewer.MayRead(x.Visibility))
            .Select(x => x.Assessment.WithoutAnalyst())
            .ToList();
        return incident.Copy(lat, lon, precision, assessments);
    }

    /// <summary>
    /// Each assessment with the visibility it has: the incident's visibility right after it was written (the one it
    /// gave, or the one then in force). Publishing an incident thus publishes what is written from then on, not the
    /// history written while it was internal. The visibility an incident had before its first recorded change is not
    /// stored, so an assessment written before any change counts as internal when a change followed it.
    /// </summary>
    public static IEnumerable<(Assessment Assessment, Visibility Visibility)> AssessmentVisibility(Incident incident)
    {
        // OrderBy is stable: assessments of one instant keep the order they were read in.
        var ordered = incident.Assessments.OrderBy(a => a.AssessedAt).ToList();
        var anyChange = ordered.Any(a => a.Visibility is not null);
        Visibility? current = anyChange ? null : incident.Visibility;
        foreach (var assessment in ordered)
        {
            current = assessment.Visibility ?? current;
            yield return (assessment, current ?? Visibility.Internal);
        }
    }

    /// <summary>
    /// An incident's summary (when, where, how many observations and sources) as this viewer may know it: computed
    /// from <paramref name="visible"/>, the observations of it that the viewer may see, as stored. Outside the
    /// mission, a report the viewer may not see neither places, times nor counts the incident. When the viewer sees
    /// none of them, the incident keeps the time the mission gave it and shows its position coarsened.
    /// </summary>
    public static Incident Summarised(this Viewer viewer, Incident incident, IReadOnlyCollection<Observation> visible, int publicPrecisionM)
    {
        if (viewer.IsMissionStaff())
        {
            return incident;
        }
        if (visible.Count == 0)
        {
            var (lat, lon, precision) = Coarsened(incident.Latitude, incident.Longitude, incident.LocationPrecisionM, publicPrecisionM);
            var unplaced = incident.Copy(lat, lon, precision, incident.Assessments);
            unplaced.ObservationCount = 0;
            unplaced.SourceCount = 0;
            return unplaced;
        }
        var best = visible.OrderBy(o => o.LocationPrecisionM).ThenBy(o => o.ObservedFrom).First();
        var (bestLat, bestLon, bestPrecision) = viewer.Location(best.Latitude, best.Longitude, best.LocationPrecisionM, publicPrecisionM);
        var seen = incident.Copy(bestLat, bestLon, bestPrecision, incident.Assessments);
        seen.StartsAt = visible.Min(o => o.ObservedFrom);
        seen.EndsAt = visible.Max(o => o.ObservedTo);
        seen.ObservationCount = visible.Count;
        seen.SourceCount = Corroborator.Sources(visible);
        return seen;
    }

    /// <summary>Whether this viewer may read a record of this visibility (its own party's internal reports aside).</summary>
    public static bool MayRead(this Viewer viewer, Visibility visibility) => viewer.IsMissionStaff() || visibility switch
    {
        Visibility.Public => true,
        Visibility.Parties => viewer.Role is Role.Liaison,
        _ => false,
    };

    /// <summary>The widest visibility this viewer may give a record it writes.</summary>
    public static bool MayGive(this Viewer viewer, Visibility visibility) =>
        visibility != Visibility.Public || viewer.Can(Operation.PublishObservation);
}
