using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Geo;
using Truce.Handovers;
using Truce.MineAction;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Demo;

/// <summary>
/// The demo's handover plan, made through the same commands a user's requests take: commitments (one met, one overdue),
/// hazardous areas (one suspected on the corridor's road, one cleared), two phases, and handovers at the demo's sites:
/// one held by a verified violation near it, one by the uncleared area on its route, one ready to go.
/// </summary>
public static class DemoHandover
{
    public static async Task LoadAsync(Store store, Viewer analyst, Viewer monitor, CancellationToken cancellationToken = default)
    {
        await using var db = store.Open();
        var now = Instant.Now(store.Clock);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Name, StringComparer.Ordinal, cancellationToken);
        string At(double days) => now.AddDays(days).ToString("O", CultureInfo.InvariantCulture);
        async Task<T> Ok<T>(Task<Result<T>> pending)
        {
            var result = await pending;
            db.ChangeTracker.Clear();
            return result.Failure is { } failure ? throw new InvalidDataException($"The demo's handover plan was refused: {failure.Title} {string.Join("; ", failure.Errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}") : result.Value!;
        }

        db.Actor = monitor;
        var maps = (await Ok(Commitments.AddAsync(db, monitor, new CommitmentInput
        {
            Id = Id(1), Title = "[EXERCISE] Exchange of minefield maps along the corridor", Parties = ["east", "west"], DueAt = At(-12),
            Evidence = "Maps handed over at the Kornidzor checkpoint, witnessed by the observers.",
        }, cancellationToken))).Record;
        await Ok(Commitments.SetStatusAsync(db, monitor, maps.Id, new CommitmentStatusInput { Status = "met", Reason = "Both sets received and checked against the survey." }, cancellationToken));
        var remains = (await Ok(Commitments.AddAsync(db, monitor, new CommitmentInput
        {
            Id = Id(2), Title = "[EXERCISE] Return of remains from the northern buffer", Parties = ["east", "west"], DueAt = At(-3),
        }, cancellationToken))).Record;
        var road = (await Ok(Commitments.AddAsync(db, monitor, new CommitmentInput
        {
            Id = Id(3), Title = "[EXERCISE] Open the Shusha road to civilian traffic by day", Parties = ["east"], DueAt = At(10),
        }, cancellationToken))).Record;
        await Ok(Commitments.SetStatusAsync(db, monitor, road.Id, new CommitmentStatusInput { Status = "partly_met", Reason = "Open by day since the 1st; the night curfew stays." }, cancellationToken));
        await Ok(Commitments.AddAsync(db, monitor, new CommitmentInput
        {
            Id = Id(4), Title = "[EXERCISE] Window of silence for the water main repair at Khojaly", Parties = ["east", "west"], DueAt = At(5),
        }, cancellationToken));

        // A suspected area across the corridor's road half-way between the two checkpoints, and a cleared one near Berd.
        var (k, l) = (sites["Kornidzor"], sites["Laçın"]);
        var (midLat, midLon) = ((k.Latitude + l.Latitude) / 2, (k.Longitude + l.Longitude) / 2);
        await Ok(HazardousAreas.AddAsync(db, monitor, new HazardousAreaInput
        {
            Id = Id(10), Name = "[EXERCISE] Suspected minefield at the corridor's road", Status = "suspected", Area = Square(midLat, midLon, 600),
        }, cancellationToken));
        var berd = sites["Berd"];
        var cleared = (await Ok(HazardousAreas.AddAsync(db, monitor, new HazardousAreaInput
        {
            Id = Id(11), Name = "[EXERCISE] UXO field east of Berd", Status = "confirmed", Area = Square(berd.Latitude, berd.Longitude + 0.01, 400),
        }, cancellationToken))).Record;
        await Ok(HazardousAreas.SetStatusAsync(db, monitor, cleared.Id, new HazardStatusInput { Status = "cleared", Reason = "Cleared by the mission's EOD team; 14 items removed." }, cancellationToken));

        db.Actor = analyst;
        var plan = (await Ok(HandoverPlan(db, analyst, cancellationToken))).Record;
        var first = (await Ok(HandoverPlanning.AddPhaseAsync(db, analyst, new PhaseInput
        {
            Id = Id(21), PlanId = plan.Id, Number = 1, Name = "[EXERCISE] Sector Centre and the corridor", StartsAt = At(-5), EndsAt = At(20),
        }, cancellationToken))).Record;
        var second = (await Ok(HandoverPlanning.AddPhaseAsync(db, analyst, new PhaseInput
        {
            Id = Id(22), PlanId = plan.Id, Number = 2, Name = "[EXERCISE] The northern buffer", StartsAt = At(20), EndsAt = At(60),
        }, cancellationToken))).Record;

        // The post with the latest verified violation within 5 km of it: its handover waits on the quiet gate.
        var held = await SiteNearVerifiedAsync(db, sites.Values.Where(s => s.ZoneId == "sector-centre").ToList(), now, cancellationToken) ?? sites["Shusha"];
        var post = (await Ok(HandoverPlanning.AddAsync(db, analyst, new HandoverInput
        {
            Id = Id(31), PhaseId = first.Id, Name = $"[EXERCISE] {held.Name} post to the local civil authority", Sites = [held.Id], To = "authority",
            ScheduledAt = At(2), QuietRadiusKm = 5, QuietDays = 14, Commitments = [maps.Id], Checklist = ["Joint patrol with the local police held"],
        }, cancellationToken))).Record;
        await Ok(HandoverPlanning.MoveAsync(db, analyst, post.Id, new TransitionInput { To = "ready", Reason = "Checklist reviewed with the authority." }, cancellationToken));
        await Ok(HandoverPlanning.MoveAsync(db, analyst, post.Id, new TransitionInput { To = "in_progress", Reason = "Joint presence begun." }, cancellationToken));
        var patrol = await db.Set<ChecklistItem>().AsNoTracking().FirstAsync(i => i.HandoverId == post.Id, cancellationToken);
        db.Actor = monitor;
        await Ok(HandoverPlanning.RecordEvidenceAsync(db, monitor, post.Id, patrol.Id, new ChecklistEvidenceInput { Evidence = "Patrol report MON-ALPHA-0412 (exercise)." }, cancellationToken));

        db.Actor = analyst;
        await Ok(HandoverPlanning.AddAsync(db, analyst, new HandoverInput
        {
            Id = Id(32), PhaseId = first.Id, Name = "[EXERCISE] Kornidzor and Laçın checkpoints to the international observers", Zone = "corridor",
            Sites = [k.Id, l.Id], To = "observers", ScheduledAt = At(12), QuietRadiusKm = 2, QuietDays = 7, Commitments = [maps.Id],
            Route = Line((k.Latitude, k.Longitude), (midLat, midLon), (l.Latitude, l.Longitude)),
            Checklist = ["Radio handover drill held", "Route swept by the observers' engineers"],
        }, cancellationToken));
        await Ok(HandoverPlanning.AddAsync(db, analyst, new HandoverInput
        {
            Id = Id(33), PhaseId = second.Id, Name = "[EXERCISE] Berd post to the international observers", Sites = [berd.Id], To = "observers",
            ScheduledAt = At(30), QuietRadiusKm = 3, QuietDays = 30, Commitments = [remains.Id],
        }, cancellationToken));
    }

    private static Task<Result<Submitted<HandoverPlan>>> HandoverPlan(TruceDb db, Viewer analyst, CancellationToken cancellationToken) =>
        HandoverPlanning.AddPlanAsync(db, analyst, new PlanInput { Id = Id(20), Name = "[EXERCISE] Phased withdrawal of the peacekeeping force" }, cancellationToken);

    /// <summary>The site with the most recent verified incident within 5 km in the last 14 days, if any.</summary>
    private static async Task<Mission.Site?> SiteNearVerifiedAsync(TruceDb db, List<Mission.Site> sites, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-14);
        var verified = await db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Verified && i.EndsAt >= since)
            .Select(i => new { i.EndsAt, i.Latitude, i.Longitude }).ToListAsync(cancellationToken);
        return verified.OrderByDescending(i => i.EndsAt)
            .Select(i => sites.OrderBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(s => GeoMath.DistanceM(s.Latitude, s.Longitude, i.Latitude, i.Longitude) <= 4_500))
            .FirstOrDefault(s => s is not null);
    }

    /// <summary>Demo ids are fixed, so that the demo's links stay the same from one load to the next.</summary>
    private static Guid Id(int n) => new($"7e57a000-0000-4000-8000-{n:D12}");

    private static JsonElement Square(double lat, double lon, double halfSideM)
    {
        var dLat = halfSideM / 111_320.0;
        var dLon = dLat / Math.Cos(lat * Math.PI / 180);
        return Json($"{{\"type\":\"Polygon\",\"coordinates\":[[[{lon - dLon},{lat - dLat}],[{lon + dLon},{lat - dLat}],[{lon + dLon},{lat + dLat}],[{lon - dLon},{lat + dLat}],[{lon - dLon},{lat - dLat}]]]}}");
    }

    private static JsonElement Line(params (double Lat, double Lon)[] points) =>
        Json($"{{\"type\":\"LineString\",\"coordinates\":[{string.Join(',', points.Select(p => $"[{p.Lon},{p.Lat}]"))}]}}");

    private static JsonElement Json(FormattableString json)
    {
        using var document = JsonDocument.Parse(json.ToString(CultureInfo.InvariantCulture));
        return document.RootElement.Clone();
    }
}
