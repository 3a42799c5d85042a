using Microsoft.EntityFrameworkCore;
using Truce.Geo;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Import;

/// <summary>Where an imported observation finds its incident.</summary>
public static class ImportIncidents
{
    /// <summary>
    /// Gives each new observation an incident: an existing one when the corroboration engine matches the
    /// event to a point-like observation of another source that the incident holds, else a new one. Rows of
    /// one dataset are distinct events by that dataset's coding, so an incident already holding a row of
    /// the event's dataset is never joined. Of several incidents the one holding the nearest match wins
    /// (ties by id), so the result depends on the store and the file only. The neighbours of a whole batch
    /// are read in one query through the cell index. Joined incidents are updated (tracked, to be saved
    /// through <see cref="TruceDb.SaveChangesAsync(bool, CancellationToken)"/>); the new incidents are
    /// returned for the caller to insert.
    /// </summary>
    public static async Task<IReadOnlyList<Incident>> AttachAsync(TruceDb db, IReadOnlyList<Observation> added, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var joined = await MatchAsync(db, added, cancellationToken);
        var created = new List<Incident>(added.Count);
        foreach (var observation in added)
        {
            if (joined.TryGetValue(observation.Id, out var incidentId))
            {
                observation.IncidentId = incidentId;
                continue;
            }
            var incident = new Incident
            {
                Id = ImportIds.IncidentOf(observation.Id),
                Status = IncidentStatus.Reported,
                Visibility = observation.Visibility,
                CreatedAt = now,
                SubmissionHash = observation.SubmissionHash,
            };
            Incidents.Summarise(incident, [observation], null, null, now);
            observation.IncidentId = incident.Id;
            created.Add(incident);
        }
        if (joined.Count > 0)
        {
            await ResummariseAsync(db, joined.Values.Distinct().ToList(), added.Where(o => joined.ContainsKey(o.Id)).ToList(), now, cancellationToken);
        }
        return created;
    }

    /// <summary>An incident follows its imported events when a re-import corrects them.</summary>
    public static async Task RefreshAsync(TruceDb db, IReadOnlyList<Observation> updated, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = updated.Where(o => o.IncidentId is not null).Select(o => o.IncidentId!.Value).Distinct().ToList();
        if (ids.Count > 0)
        {
            await ResummariseAsync(db, ids, updated, now, cancellationToken);
        }
    }

    /// <summary>The incident each new point-like observation joins, by observation id.</summary>
    private static async Task<Dictionary<Guid, Guid>> MatchAsync(TruceDb db, IReadOnlyList<Observation> added, CancellationToken cancellationToken)
    {
        var joins = new Dictionary<Guid, Guid>();
        var points = added.Select(Sighting.Of).Where(s => !Corroborator.IsCoarse(s)).ToList();
        if (points.Count == 0)
        {
            return joins;
        }
        var windows = new List<CellWindow>();
        foreach (var point in points)
        {
            var (area, from, to) = Corroborator.Neighbourhood(point);
            // A coarser cover than an interactive query's: fewer, larger ranges, so fewer index probes per row.
            windows.AddRange(CellCover.Ranges(area, maxCells: 4).Select(r => new CellWindow(r, from, to)));
        }
        var sources = points.Select(p => p.Source).Distinct().ToList();
        var near = new List<Observation>();
        foreach (var chunk in windows.Chunk(5_000))
        {
            near.AddRange(await db.ObservationsIn(chunk).AsNoTracking()
                .Where(o => o.IncidentId != null && o.LocationPrecisionM <= Corroborator.CoarseLocationM && !sources.Contains(o.Source))
                .ToListAsync(cancellationToken));
        }
        var partners = near.DistinctBy(o => o.Id).Select(o => (Sighting: Sighting.Of(o), Incident: o.IncidentId!.Value))
            .Where(p => !Corroborator.IsCoarse(p.Sighting)).ToList();
        if (partners.Count == 0)
        {
            return joins;
        }

        // Which datasets each candidate incident already holds a row of; joins made here are added as they are made.
        var incidentIds = partners.Select(p => p.Incident).Distinct().ToList();
        var held = (await db.Observations.AsNoTracking()
                .Where(o => o.IncidentId != null && incidentIds.Contains(o.IncidentId.Value) && o.SourceExternalId != null)
                .Select(o => new { IncidentId = o.IncidentId!.Value, o.Source }).Distinct().ToListAsync(cancellationToken))
            .Select(x => (x.IncidentId, x.Source)).ToHashSet();
        var grid = new PointGrid([.. partners.Select(p => p.Sighting.Latitude)], [.. partners.Select(p => p.Sighting.Longitude)],
            Corroborator.BaseRadiusM + (2.0 * Corroborator.CoarseLocationM));
        Span<(int, int)> around = stackalloc (int, int)[9];
        foreach (var point in points)
        {
            (Guid Incident, double DistanceM)? best = null;
            var found = grid.Around(point.Latitude, point.Longitude, around);
            for (var s = 0; s < found; s++)
            {
                for (var k = around[s].Item1; k < around[s].Item2; k++)
                {
                    var (partner, incident) = partners[grid.Order[k]];
                    if (partner.Source == point.Source || !Corroborator.Matches(point, partner)
                        || (point.Dataset is { } dataset && held.Contains((incident, dataset))))
                    {
                        continue;
                    }
                    var distance = GeoMath.DistanceM(point.Latitude, point.Longitude, partner.Latitude, partner.Longitude);
                    if (best is not { } b || distance < b.DistanceM || (distance == b.DistanceM && incident.CompareTo(b.Incident) < 0))
                    {
                        best = (incident, distance);
                    }
                }
            }
            if (best is { } chosen)
            {
                joins[point.Id] = chosen.Incident;
                if (point.Dataset is { } dataset)
                {
                    held.Add((chosen.Incident, dataset));
                }
            }
        }
        return joins;
    }

    /// <summary>
    /// Recomputes incidents from all the observations they hold once the given ones (new or changed) are in.
    /// An incident of one observation follows it entirely; a corroborated one keeps its category and title,
    /// as an analyst's attach does.
    /// </summary>
    private static async Task ResummariseAsync(TruceDb db, IReadOnlyList<Guid> ids, IReadOnlyList<Observation> changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var incidents = await db.Incidents.Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        var stored = await db.Observations.AsNoTracking().Where(o => o.IncidentId != null && ids.Contains(o.IncidentId.Value)).ToListAsync(cancellationToken);
        var changedIds = changed.Select(o => o.Id).ToHashSet();
        foreach (var incident in incidents)
        {
            var all = stored.Where(o => !changedIds.Contains(o.Id)).Concat(changed).Where(o => o.IncidentId == incident.Id).ToList();
            if (all.Count == 1)
            {
                Incidents.Summarise(incident, all, null, null, now);
            }
            else
            {
                Incidents.Summarise(incident, all, incident.Category, incident.Title, now);
            }
        }
    }
}
