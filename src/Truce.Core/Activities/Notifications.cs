using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Activities;

/// <summary>Notifying planned activities and reading them back, with the flags they put on what is observed.</summary>
public static class Notifications
{
    public static async Task<Result<Submitted<NotifiedActivity>>> NotifyAsync(
        TruceDb db, Viewer viewer, LeadTimes leadTimes, ActivityInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteHotline) || viewer.PartyId is null)
        {
            return Failure.Forbidden($"Only a party's liaison may notify an activity.");
        }
        var built = ActivityRules.Build(input, viewer, Instant.Now(db.Clock), leadTimes);
        if (built.Failure is { } invalid)
        {
            return invalid;
        }
        var hash = Submission.Hash(input);
        var existing = await db.Set<NotifiedActivity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return existing.SubmissionHash == hash && existing.NotifiedBy == viewer.Name
                ? new Submitted<NotifiedActivity>(existing, true)
                : Submission.IdReused("notification");
        }
        var activity = built.Value!;
        activity.SubmissionHash = hash;
        db.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<NotifiedActivity>(activity, false);
    }

    /// <summary>The notified activities, latest start first; the mission and the parties' liaisons read them all, nobody else any.</summary>
    public static async Task<IReadOnlyList<NotifiedActivity>> ListAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default) =>
        viewer.Can(Operation.ReadHotline)
            ? await db.Set<NotifiedActivity>().AsNoTracking().OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id).Take(500).ToListAsync(cancellationToken)
            : [];

    /// <summary>
    /// The activities whose window overlaps a period: what the flags of the observations of that period are computed from.
    /// Every viewer's flags come from the same activities (a flag says "a party notified this", not who or what).
    /// </summary>
    public static async Task<IReadOnlyList<NotifiedActivity>> DuringAsync(TruceDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        await db.Set<NotifiedActivity>().AsNoTracking().Where(a => a.StartsAt <= to && a.EndsAt >= from).ToListAsync(cancellationToken);

    /// <summary>The flag of each observation, from the activities notified over their period.</summary>
    public static async Task<IReadOnlyDictionary<Guid, (PriorNotice Flag, NotifiedActivity? Activity)>> FlagsAsync(
        TruceDb db, IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken = default)
    {
        if (observations.Count == 0)
        {
            return new Dictionary<Guid, (PriorNotice, NotifiedActivity?)>();
        }
        var activities = await DuringAsync(db, observations.Min(o => o.ObservedFrom), observations.Max(o => o.ObservedTo), cancellationToken);
        return observations.ToDictionary(o => o.Id, o => PriorNotices.Of(o.Latitude, o.Longitude, o.ObservedFrom, o.ObservedTo, o.Category, activities));
    }

    /// <summary>
    /// How many of the observations that began in [from, to) and of the incidents (of these statuses) that started then
    /// the notified activities flag, counted from what the viewer may see: its observations, at the positions it is
    /// shown; an incident by the flags of its observations the viewer sees (<see cref="PriorNotices.OfIncident"/>).
    /// </summary>
    public static async Task<PriorNoticeCounts> CountAsync(
        TruceDb db, Viewer viewer, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<IncidentStatus> statuses, CancellationToken cancellationToken = default)
    {
        var incidents = db.Incidents.AsNoTracking().VisibleTo(viewer).Where(i => i.StartsAt >= from && i.StartsAt < to && statuses.Contains(i.Status));
        var counted = await incidents.Select(i => i.Id).ToListAsync(cancellationToken);
        var flagged = await FlagAsync(db, viewer,
            db.Observations.AsNoTracking().VisibleTo(viewer).Where(o => (o.ObservedFrom >= from && o.ObservedFrom < to) || incidents.Any(i => i.Id == o.IncidentId)),
            cancellationToken);
        var inPeriod = flagged.Where(o => o.ObservedFrom >= from && o.ObservedFrom < to).ToList();
        var byIncident = flagged.Where(o => o.IncidentId is not null).ToLookup(o => o.IncidentId!.Value, o => o.Flag);
        var incidentFlags = counted.Select(id => PriorNotices.OfIncident(byIncident[id])).ToList();
        return new PriorNoticeCounts(
            inPeriod.Count(o => o.Flag == PriorNotice.PreNotified), inPeriod.Count(o => o.Flag == PriorNotice.NotNotified),
            incidentFlags.Count(f => f == PriorNotice.PreNotified), incidentFlags.Count(f => f == PriorNotice.NotNotified));
    }

    /// <summary>The most flagged observations one answer of <see cref="FlaggedAsync"/> holds (a map layer, not an export).</summary>
    public const int FlaggedLimit = 2000;

    /// <summary>
    /// The observations the viewer may see that began in [from, to) (by default the last <see cref="Metrics.DefaultDays"/> days,
    /// as the metrics) and that the notified activities flag, latest first, at most <see cref="FlaggedLimit"/>.
    /// </summary>
    public static async Task<Result<IReadOnlyList<FlaggedObservation>>> FlaggedAsync(
        TruceDb db, Viewer viewer, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var end = to ?? new DateTimeOffset(Instant.Now(db.Clock).UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var start = from ?? end.AddDays(-Metrics.DefaultDays);
        if (end - start > Metrics.MaxPeriod)
        {
            return Failure.Field(FailureKind.Malformed, "from", $"the period may be at most ten years.");
        }
        var flagged = await FlagAsync(db, viewer,
            db.Observations.AsNoTracking().VisibleTo(viewer).Where(o => o.ObservedFrom >= start && o.ObservedFrom < end), cancellationToken);
        return flagged.Where(o => o.Flag != PriorNotice.None).OrderByDescending(o => o.ObservedFrom).ThenBy(o => o.Id).Take(FlaggedLimit).ToList();
    }

    /// <summary>Each observation of the query with its flag, from the activities over their period, at the position the viewer is shown.</summary>
    private static async Task<List<FlaggedObservation>> FlagAsync(TruceDb db, Viewer viewer, IQueryable<Observation> observations, CancellationToken cancellationToken)
    {
        var rows = await observations
            .Select(o => new { o.Id, o.IncidentId, o.ObservedFrom, o.ObservedTo, o.Latitude, o.Longitude, o.LocationPrecisionM, o.Category })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var activities = await DuringAsync(db, rows.Min(o => o.ObservedFrom), rows.Max(o => o.ObservedTo), cancellationToken);
        return [.. rows.Select(o =>
        {
            var (lat, lon, _) = viewer.Location(o.Latitude, o.Longitude, o.LocationPrecisionM, db.PublicPrecisionM);
            return new FlaggedObservation(o.Id, o.IncidentId, o.ObservedFrom, lat, lon, PriorNotices.Of(lat, lon, o.ObservedFrom, o.ObservedTo, o.Category, activities).Flag);
        })];
    }
}
