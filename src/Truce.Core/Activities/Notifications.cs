using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Monitoring;
using Truce.Storage;

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
}
