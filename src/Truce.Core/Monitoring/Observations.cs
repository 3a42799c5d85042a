using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Lists;
using Truce.Storage;

namespace Truce.Monitoring;

/// <summary>Submitting, reading and listing observations; the API and the pages both call these.</summary>
public static class Observations
{
    public static async Task<Result<Submitted<Observation>>> SubmitAsync(
        TruceDb db, Viewer reporter, ObservationInput input, CancellationToken cancellationToken = default)
    {
        if (!reporter.Can(Operation.SubmitObservation))
        {
            return Failure.Forbidden($"Your role may not submit observations.");
        }
        using var span = WriteTelemetry.Source.StartActivity("observation.submit");
        Result<Observation> built;
        using (WriteTelemetry.Begin("validate"))
        {
            // The rules need to know only whether the party the report names exists: that one, remembered for a few seconds.
            var named = input.AllegedParty?.Trim();
            var parties = new HashSet<string>(StringComparer.Ordinal);
            if (!string.IsNullOrEmpty(named) && await KnownParties.ExistsAsync(db, named, cancellationToken))
            {
                parties.Add(named);
            }
            built = ObservationRules.Build(input, reporter, parties, Instant.Now(db.Clock));
        }
        if (built.Failure is { } invalid)
        {
            return invalid;
        }
        var observation = built.Value!;
        span?.SetTag("truce.record_key", observation.Id.ToString("D"));
        if (db.Store is not { } store)
        {
            // A unit of work without a store (design-time tools): checked and written on its own.
            if (await Replay(db, observation, cancellationToken) is { } existing)
            {
                return existing;
            }
            db.Observations.Add(observation);
            await db.SaveChangesAsync(cancellationToken);
            return new Submitted<Observation>(observation, Replayed: false);
        }
        CommitOutcome outcome;
        try
        {
            // Committed together with whatever other submissions are waiting, journaled as this reporter's; the writer
            // checks the ids of the whole batch with one query, so a retry costs no query of its own here.
            outcome = await store.Commits.InsertAsync(observation, db.Actor, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process stored the same id between the writer's check and its commit: answer as a retry does.
            return await Replay(db, observation, cancellationToken) ?? throw new InvalidOperationException("The observation could not be stored.");
        }
        span?.SetTag("truce.outcome", outcome.ToString());
        return outcome switch
        {
            CommitOutcome.Inserted => new Submitted<Observation>(observation, Replayed: false),
            CommitOutcome.Busy => Failure.Busy($"The server is busy; nothing was stored. Send the same observation again after the time in Retry-After."),
            CommitOutcome.IdReused => Submission.IdReused("observation"),
            // The stored record (with its evidence) is the answer, as to the first submission.
            _ => await Replay(db, observation, cancellationToken) ?? throw new InvalidOperationException("The replayed observation is gone."),
        };
    }

    private static async Task<Result<Submitted<Observation>>?> Replay(TruceDb db, Observation observation, CancellationToken cancellationToken)
    {
        var stored = await db.Observations.AsNoTracking().Include(o => o.Evidence)
            .FirstOrDefaultAsync(o => o.Id == observation.Id, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        return stored.SubmissionHash == observation.SubmissionHash
            ? new Submitted<Observation>(stored, Replayed: true)
            : Submission.IdReused("observation");
    }

    public static async Task<Observation?> FindAsync(TruceDb db, Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        var found = await db.Observations.AsNoTracking().VisibleTo(viewer).Include(o => o.Evidence)
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return found is null ? null : (await WithoutHiddenIncidentsAsync(db, viewer, [viewer.Disclose(found, db.PublicPrecisionM)], cancellationToken))[0];
    }

    /// <summary>
    /// Who submitted an observation, beside the source it declares (which is free text and proves nothing): null for the
    /// public form, which is told neither; the party (or the mission) for a liaison; the user's name too for the mission.
    /// </summary>
    public static async Task<Submitter?> SubmitterAsync(TruceDb db, Viewer viewer, Observation observation, CancellationToken cancellationToken = default)
    {
        if (!viewer.SeesSubmitter())
        {
            return null;
        }
        var party = observation.SubmittedByPartyId is { } partyId
            ? await db.Parties.AsNoTracking().Where(p => p.Id == partyId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? partyId
            : null;
        var user = viewer.SeesSubmitterName()
            ? await db.Users.AsNoTracking().Where(u => u.Id == observation.ReporterId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new Submitter(user, observation.SubmittedByPartyId, party);
    }

    /// <summary>
    /// Observations (read untracked, already disclosed) without the id of an incident this viewer may not see, so that
    /// a published report does not tell that an internal incident exists, nor its id.
    /// </summary>
    public static async Task<IReadOnlyList<Observation>> WithoutHiddenIncidentsAsync(
        TruceDb db, Viewer viewer, IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default)
    {
        if (viewer.IsMissionStaff())
        {
            return observations;
        }
        var ids = observations.Where(o => o.IncidentId is not null).Select(o => o.IncidentId!.Value).Distinct().ToList();
        var seen = ids.Count == 0 ? [] : (await db.Incidents.AsNoTracking().VisibleTo(viewer).Where(i => ids.Contains(i.Id))
            .Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var observation in observations.Where(o => o.IncidentId is { } id && !seen.Contains(id)))
        {
            observation.IncidentId = null;
        }
        return observations;
    }

    /// <summary>A page of the observations the filter matches; near, bbox and zone are exact (a site or zone that does not exist is refused).</summary>
    public static async Task<Result<Page<Observation>>> ListAsync(TruceDb db, Viewer viewer, ListFilter filter, CancellationToken cancellationToken = default)
    {
        var listed = await Listing.PageAsync<Observation>(db, viewer, filter, Matching, o => o.ObservedFrom, cancellationToken);
        return listed.Value is { } page ? page with { Items = await WithoutHiddenIncidentsAsync(db, viewer, page.Items, cancellationToken) } : listed;
    }

    /// <summary>The observations the filter's own fields match: those overlapping the time window, of the category, party and incident given.</summary>
    private static IQueryable<Observation> Matching(IQueryable<Observation> query, ListFilter filter) => query
        .WhereGiven(filter.Category, category => o => o.Category == category)
        .WhereGiven(filter.From, from => o => o.ObservedTo >= from)
        .WhereGiven(filter.To, to => o => o.ObservedFrom <= to)
        .WhereGiven(filter.Party, party => o => o.AllegedPartyId == party)
        .WhereGiven(filter.Incident, incident => o => o.IncidentId == incident);
}
