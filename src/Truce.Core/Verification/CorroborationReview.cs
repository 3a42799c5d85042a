using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Geo;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Verification;

/// <summary>
/// The analyst's side of corroboration: the engine's proposals, the candidates of one observation, and the
/// decisions (accept through <see cref="Incidents.GroupAsync"/>, attach, split, merge). Every decision is an
/// update of incidents and observations through <see cref="TruceDb.SaveChangesAsync(bool, CancellationToken)"/>,
/// so the journal keeps it.
/// </summary>
public static class CorroborationReview
{
    /// <summary>At most this many unassigned observations are clustered for one list of proposals.</summary>
    public const int MaxObservations = 100_000;

    /// <summary>Groups of unassigned observations the engine takes for one event, in a period (by default the last 7 days).</summary>
    public static async Task<Result<IReadOnlyList<Cluster>>> ProposalsAsync(
        TruceDb db, Viewer analyst, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        if (!analyst.Can(Operation.Corroborate))
        {
            return Failure.Forbidden($"Only an analyst or administrator may review corroboration.");
        }
        var end = to ?? Instant.Now(db.Clock);
        var start = from ?? end.AddDays(-7);
        var unassigned = await db.Observations.AsNoTracking().VisibleTo(analyst)
            .Where(o => o.IncidentId == null && o.ObservedTo >= start && o.ObservedFrom <= end)
            .OrderBy(o => o.ObservedFrom).Take(MaxObservations).ToListAsync(cancellationToken);
        List<Cluster> proposals = [.. Corroborator.Cluster([.. unassigned.Select(Sighting.Of)]).Where(c => c.Members.Count > 1)];
        return proposals;
    }

    /// <summary>
    /// What one observation may belong with: the observations it matches and the incidents that hold any.
    /// Only its neighbourhood is read, through the cell index.
    /// </summary>
    public static async Task<Result<Candidates>> CandidatesAsync(TruceDb db, Viewer analyst, Guid observationId, CancellationToken cancellationToken = default)
    {
        if (!analyst.Can(Operation.Corroborate))
        {
            return Failure.Forbidden($"Only an analyst or administrator may review corroboration.");
        }
        var observation = await Observations.FindAsync(db, analyst, observationId, cancellationToken);
        if (observation is null)
        {
            return Failure.NotFound("The observation");
        }
        var sighting = Sighting.Of(observation);
        var (area, from, to) = Corroborator.Neighbourhood(sighting);
        var near = await db.Observations.AsNoTracking().VisibleTo(analyst)
            .Where(o => o.ObservedTo >= from && o.ObservedFrom <= to && o.Id != observationId)
            .InCells(o => o.Cell, CellCover.Ranges(area)).ToListAsync(cancellationToken);
        var matches = near.Where(o => area.Contains(o.Latitude, o.Longitude) && Corroborator.Matches(sighting, Sighting.Of(o)))
            .OrderBy(o => o.ObservedFrom).ThenBy(o => o.Id).ToList();
        var incidents = matches.Where(o => o.IncidentId is not null && o.IncidentId != observation.IncidentId)
            .Select(o => o.IncidentId!.Value).Distinct().ToList();
        return new Candidates([.. matches.Select(o => o.Id)], incidents, Corroborator.IsCoarse(sighting));
    }

    /// <summary>Adds unassigned observations to an incident and recomputes its summary.</summary>
    public static async Task<Result<Incident>> AttachAsync(
        TruceDb db, Viewer analyst, Guid incidentId, ObservationsInput input, CancellationToken cancellationToken = default)
    {
        if (!analyst.Can(Operation.Corroborate))
        {
            return Failure.Forbidden($"Only an analyst or administrator may attach observations to incidents.");
        }
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return Failure.NotFound("The incident");
        }
        var (observations, errors) = await LoadAsync(db, input.ObservationIds, cancellationToken);
        for (var i = 0; i < observations.Count; i++)
        {
            if (observations[i] is { IncidentId: { } other } && other != incidentId)
            {
                errors.Add($"observationIds[{i}]", $"observation {observations[i]!.Id} already belongs to incident {other}.");
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure($"Some observations cannot be attached.") with { Kind = Kind(input.ObservationIds) };
        }
        foreach (var observation in observations)
        {
            observation!.IncidentId = incidentId;
        }
        await ResummariseAsync(db, incident, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return incident;
    }

    /// <summary>Takes observations out of an incident into a new one (idempotent by the new incident's id).</summary>
    public static async Task<Result<Submitted<Incident>>> SplitAsync(
        TruceDb db, Viewer analyst, Guid incidentId, ObservationsInput input, CancellationToken cancellationToken = default)
    {
        if (!analyst.Can(Operation.Corroborate))
        {
            return Failure.Forbidden($"Only an analyst or administrator may split incidents.");
        }
        if (input.Id is null || input.Id == Guid.Empty)
        {
            return Failure.Field(FailureKind.Invalid, "id", $"is required: a UUID generated by the client for the new incident, so that a retry is recognised.");
        }
        var hash = Submission.Hash(new { incidentId, input });
        var existing = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return existing.SubmissionHash == hash ? new Submitted<Incident>(existing, true) : Submission.IdReused("incident");
        }
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return Failure.NotFound("The incident");
        }
        var (observations, errors) = await LoadAsync(db, input.ObservationIds, cancellationToken);
        for (var i = 0; i < observations.Count; i++)
        {
            if (observations[i] is { } o && o.IncidentId != incidentId)
            {
                errors.Add($"observationIds[{i}]", $"observation {o.Id} is not in incident {incidentId}.");
            }
        }
        var remaining = await db.Observations.CountAsync(o => o.IncidentId == incidentId, cancellationToken);
        if (!errors.Any && observations.Distinct().Count() >= remaining)
        {
            errors.Add("observationIds", $"must leave at least one observation in the incident; to move them all, merge instead.");
        }
        if (errors.Any)
        {
            return errors.ToFailure($"The incident cannot be split so.") with { Kind = Kind(input.ObservationIds) };
        }
        var now = Instant.Now(db.Clock);
        var moved = observations.Distinct().Select(o => o!).ToList();
        var split = new Incident
        {
            Id = input.Id.Value, Status = IncidentStatus.Reported, Visibility = incident.Visibility, CreatedAt = now, SubmissionHash = hash,
        };
        Incidents.Summarise(split, moved, null, null, now);
        foreach (var observation in moved)
        {
            observation.IncidentId = split.Id;
        }
        db.Incidents.Add(split);
        await ResummariseAsync(db, incident, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<Incident>(split, false);
    }

    /// <summary>
    /// Moves another incident's observations into this one and removes the other. An assessed incident is
    /// not merged away (its assessments would lose their subject): merge it the other way round.
    /// </summary>
    public static async Task<Result<Incident>> MergeAsync(
        TruceDb db, Viewer analyst, Guid incidentId, MergeInput input, CancellationToken cancellationToken = default)
    {
        if (!analyst.Can(Operation.Corroborate))
        {
            return Failure.Forbidden($"Only an analyst or administrator may merge incidents.");
        }
        if (input.IncidentId is not { } otherId || otherId == Guid.Empty || otherId == incidentId)
        {
            return Failure.Field(FailureKind.Invalid, "incidentId", $"must name another incident.");
        }
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return Failure.NotFound("The incident");
        }
        var other = await db.Incidents.FirstOrDefaultAsync(i => i.Id == otherId, cancellationToken);
        if (other is null)
        {
            return Failure.Field(FailureKind.NotFound, "incidentId", $"incident {otherId} does not exist.");
        }
        if (await db.Assessments.AnyAsync(a => a.IncidentId == otherId, cancellationToken))
        {
            return Failure.Field(FailureKind.Conflict, "incidentId", $"incident {otherId} has assessments; merge it the other way round, into it.");
        }
        var moved = await db.Observations.Where(o => o.IncidentId == otherId).ToListAsync(cancellationToken);
        foreach (var observation in moved)
        {
            observation.IncidentId = incidentId;
        }
        db.Incidents.Remove(other);
        await ResummariseAsync(db, incident, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return incident;
    }

    /// <summary>The incident's summary from the observations it holds once the tracked changes are applied; category and title are kept.</summary>
    private static async Task ResummariseAsync(TruceDb db, Incident incident, CancellationToken cancellationToken)
    {
        var stored = await db.Observations.Where(o => o.IncidentId == incident.Id).ToListAsync(cancellationToken);
        // The query above returns tracked entities with their pending changes; keep those still pointing here.
        var tracked = db.ChangeTracker.Entries<Observation>().Select(e => e.Entity).Where(o => o.IncidentId == incident.Id);
        var all = stored.Concat(tracked).Where(o => o.IncidentId == incident.Id).DistinctBy(o => o.Id).ToList();
        Incidents.Summarise(incident, all, incident.Category, incident.Title, Instant.Now(db.Clock));
    }

    private static async Task<(List<Observation?> Observations, FieldErrors Errors)> LoadAsync(
        TruceDb db, IReadOnlyList<Guid>? ids, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ids ??= [];
        if (ids.Count is 0 or > 10_000)
        {
            errors.Add("observationIds", $"must list from 1 to 10000 observations.");
            return ([], errors);
        }
        var distinct = ids.Distinct().ToList();
        var found = await db.Observations.Where(o => distinct.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var observations = ids.Select(id => found.GetValueOrDefault(id)).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            if (observations[i] is null)
            {
                errors.Add($"observationIds[{i}]", $"observation {ids[i]} does not exist.");
            }
        }
        return (observations, errors);
    }

    private static FailureKind Kind(IReadOnlyList<Guid>? ids) => ids is { Count: > 0 } ? FailureKind.Conflict : FailureKind.Invalid;
}

/// <summary>What one observation may belong with; a coarse observation is only ever a candidate.</summary>
public sealed record Candidates(IReadOnlyList<Guid> Observations, IReadOnlyList<Guid> Incidents, bool Coarse);
