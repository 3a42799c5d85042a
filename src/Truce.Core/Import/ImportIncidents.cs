using Microsoft.EntityFrameworkCore;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Import;

/// <summary>Where an imported observation finds its incident.</summary>
public static class ImportIncidents
{
    /// <summary>
    /// Gives each new observation an incident. For now every event of a dataset becomes an incident of its
    /// own: rows of one dataset are never merged with each other. This is the one place where the
    /// corroboration engine's matcher will plug in, to join an observation to an existing incident instead.
    /// </summary>
    public static Task AttachAsync(TruceDb db, IReadOnlyList<Observation> added, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var observation in added)
        {
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
            db.Incidents.Add(incident);
        }
        return Task.CompletedTask;
    }

    /// <summary>An incident that stands for one imported event follows that event when a re-import corrects it.</summary>
    public static async Task RefreshAsync(TruceDb db, IReadOnlyList<Observation> updated, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = updated.Where(o => o.IncidentId is not null).Select(o => o.IncidentId!.Value).ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var incidents = await db.Incidents.Where(i => ids.Contains(i.Id) && i.ObservationCount == 1).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var observation in updated)
        {
            if (observation.IncidentId is { } id && incidents.TryGetValue(id, out var incident))
            {
                Incidents.Summarise(incident, [observation], null, null, now);
            }
        }
    }
}
