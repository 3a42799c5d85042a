using System.Globalization;
using NetTopologySuite.Geometries;
using Truce.MineAction;
using Truce.Verification;

namespace Truce.Handovers;

/// <summary>
/// The readiness gates of one handover, evaluated from the records given (pure: the caller reads them, see
/// <see cref="HandoverGates"/>). A gate with nothing to check holds: no hazardous area nearby, no commitment named.
/// </summary>
public static class GateRules
{
    /// <summary>An incident a viewer may see, at the position that viewer is shown.</summary>
    public sealed record SeenIncident(Guid Id, string Title, IncidentStatus Status, DateTimeOffset EndsAt, double Latitude, double Longitude);

    public static IReadOnlyList<GateResult> Evaluate(
        Handover handover, HandoverArea area, DateTimeOffset now, IEnumerable<SeenIncident> incidents,
        IEnumerable<(HazardousArea Area, Geometry Geometry)> hazards, IReadOnlyDictionary<Guid, Commitment> commitments,
        IEnumerable<ChecklistItem> checklist) =>
    [
        Quiet(handover, area, now, incidents),
        Hazards(area, hazards),
        Commitments(handover, commitments),
        Checklist(checklist),
    ];

    /// <summary>Shut by every verified incident that ended within the last D days no further than R km from the area.</summary>
    public static GateResult Quiet(Handover handover, HandoverArea area, DateTimeOffset now, IEnumerable<SeenIncident> incidents)
    {
        var since = now.AddDays(-handover.QuietDays);
        var radiusM = handover.QuietRadiusKm * 1000;
        // The area's box widened by R holds every point within R of it (Reach is conservative in longitude), so the box
        // test, a few comparisons, spares the distance to the polygon for the incidents that cannot be near.
        var reach = area.IsEmpty ? default : area.Reach(radiusM);
        var blocking = incidents
            .Where(i => !area.IsEmpty && reach.Contains(i.Latitude, i.Longitude))
            .Where(i => i.Status == IncidentStatus.Verified && i.EndsAt >= since && i.EndsAt <= now)
            .Select(i => (Incident: i, DistanceM: area.DistanceM(i.Latitude, i.Longitude)))
            .Where(x => x.DistanceM <= radiusM)
            .OrderBy(x => x.DistanceM).ThenBy(x => x.Incident.Id)
            .Select(x => new GateEvidence("incident", x.Incident.Id.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"{x.Incident.Title} ({x.DistanceM / 1000:0.0} km, {x.Incident.EndsAt:yyyy-MM-dd})"), true))
            .ToList();
        return new GateResult(GateKind.Quiet, blocking.Count == 0, blocking);
    }

    /// <summary>Shut by every hazardous area touching the area that is not yet cleared or cancelled; released ones are shown as evidence.</summary>
    public static GateResult Hazards(HandoverArea area, IEnumerable<(HazardousArea Area, Geometry Geometry)> hazards)
    {
        var touching = hazards.Where(h => area.Intersects(h.Geometry))
            .Select(h => new GateEvidence("hazardous_area", h.Area.Id.ToString(), $"{h.Area.Name}: {Slug.Of(h.Area.Status)}", !h.Area.IsReleased))
            .OrderByDescending(e => e.Blocking).ThenBy(e => e.Text, StringComparer.Ordinal)
            .ToList();
        return new GateResult(GateKind.Hazards, touching.All(e => !e.Blocking), touching);
    }

    /// <summary>Shut by every named commitment not met (a commitment that no longer exists counts as not met).</summary>
    public static GateResult Commitments(Handover handover, IReadOnlyDictionary<Guid, Commitment> commitments)
    {
        var evidence = handover.Commitments.Select(id => commitments.TryGetValue(id, out var c)
                ? new GateEvidence("commitment", id.ToString(), $"{c.Title}: {Slug.Of(c.Status)}", c.Status != CommitmentStatus.Met)
                : new GateEvidence("commitment", id.ToString(), "missing", true))
            .OrderByDescending(e => e.Blocking).ThenBy(e => e.Text, StringComparer.Ordinal)
            .ToList();
        return new GateResult(GateKind.Commitments, evidence.All(e => !e.Blocking), evidence);
    }

    /// <summary>Shut by every item without evidence.</summary>
    public static GateResult Checklist(IEnumerable<ChecklistItem> checklist)
    {
        var evidence = checklist
            .Select(i => new GateEvidence("checklist_item", i.Id.ToString(), i.Evidence is null ? i.Text : $"{i.Text}: {i.Evidence}", i.Evidence is null))
            .OrderByDescending(e => e.Blocking).ThenBy(e => e.Text, StringComparer.Ordinal)
            .ToList();
        return new GateResult(GateKind.Checklist, evidence.All(e => !e.Blocking), evidence);
    }
}
