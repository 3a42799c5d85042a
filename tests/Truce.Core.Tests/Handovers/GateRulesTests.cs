using NetTopologySuite.Geometries;
using Truce.Handovers;
using Truce.MineAction;
using Truce.Verification;

namespace Truce.Core.Tests.Handovers;

/// <summary>The gates on hand-made data: a site at 40.0 N 46.0 E, a road running 10 km east from it.</summary>
public sealed class GateRulesTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    // 0.01° of latitude is 1113.2 m; at 40° N 0.01° of longitude is 852.8 m.
    private static readonly HandoverArea Site = new([Factory.CreatePoint(new Coordinate(46.0, 40.0))]);

    private static Handover Handover(int days = 14, double km = 5, params Guid[] commitments) => new()
    {
        Id = Guid.NewGuid(), QuietRadiusKm = km, QuietDays = days, CommitmentIds = Truce.Handovers.Handover.Join(commitments.Select(c => c.ToString())),
    };

    private static GateRules.SeenIncident Incident(double lat, double lon, double daysAgo, IncidentStatus status = IncidentStatus.Verified) =>
        new(Guid.NewGuid(), "fire", status, Now.AddDays(-daysAgo), lat, lon);

    [Fact]
    public void A_verified_violation_inside_the_radius_and_window_shuts_the_quiet_gate()
    {
        var near = Incident(40.04, 46.0, 3);          // 4.45 km north, 3 days ago

        var gate = GateRules.Quiet(Handover(), Site, Now, [near]);

        Assert.False(gate.Passed);
        Assert.Equal(near.Id.ToString(), Assert.Single(gate.Evidence).Id);
        Assert.Contains("4.5 km", gate.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_too_far_too_old_or_not_verified_leave_the_quiet_gate_open()
    {
        var gate = GateRules.Quiet(Handover(), Site, Now,
        [
            Incident(40.05, 46.0, 1),                              // 5.57 km: outside 5 km
            Incident(40.01, 46.0, 15),                             // 15 days ago: outside 14 days
            Incident(40.01, 46.0, 1, IncidentStatus.Disputed),     // disputed, not verified
            Incident(40.01, 46.0, -1),                             // ends tomorrow: not yet in the window
        ]);

        Assert.True(gate.Passed);
        Assert.Empty(gate.Evidence);
    }

    [Fact]
    public void Distance_is_measured_to_the_route_not_only_to_the_site()
    {
        var road = new HandoverArea([Factory.CreateLineString([new Coordinate(46.0, 40.0), new Coordinate(46.1174, 40.0)])]);
        var byTheRoad = Incident(40.02, 46.08, 1);     // 2.23 km north of the road's middle, 7 km from the site

        Assert.True(GateRules.Quiet(Handover(km: 5), Site, Now, [byTheRoad]).Passed);
        var gate = GateRules.Quiet(Handover(km: 5), road, Now, [byTheRoad]);
        Assert.False(gate.Passed);
        Assert.Contains("2.2 km", gate.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_released_hazardous_areas_touching_the_area_let_the_hazard_gate_hold()
    {
        var road = new HandoverArea([Factory.CreateLineString([new Coordinate(46.0, 40.0), new Coordinate(46.1, 40.0)])]);
        Geometry Box(double west, double east) => Factory.CreatePolygon([new(west, 39.99), new(east, 39.99), new(east, 40.01), new(west, 40.01), new(west, 39.99)]);
        var across = (new HazardousArea { Id = Guid.NewGuid(), Name = "across", Status = HazardStatus.Suspected }, Box(46.04, 46.06));
        var aside = (new HazardousArea { Id = Guid.NewGuid(), Name = "aside", Status = HazardStatus.Confirmed }, Box(46.3, 46.4));
        var cleared = (new HazardousArea { Id = Guid.NewGuid(), Name = "cleared", Status = HazardStatus.Cleared }, Box(46.01, 46.02));

        var shut = GateRules.Hazards(road, [across, aside, cleared]);
        Assert.False(shut.Passed);
        Assert.Equal(["across: suspected", "cleared: cleared"], shut.Evidence.Select(e => e.Text));
        Assert.Equal([true, false], shut.Evidence.Select(e => e.Blocking));

        across.Item1.Status = HazardStatus.Cancelled;
        Assert.True(GateRules.Hazards(road, [across, aside, cleared]).Passed);
    }

    [Fact]
    public void Every_named_commitment_must_be_met_and_a_missing_one_counts_against()
    {
        var met = new Commitment { Id = Guid.NewGuid(), Title = "maps", Status = CommitmentStatus.Met };
        var partly = new Commitment { Id = Guid.NewGuid(), Title = "road", Status = CommitmentStatus.PartlyMet };
        var gone = Guid.NewGuid();
        var all = new Dictionary<Guid, Commitment> { [met.Id] = met, [partly.Id] = partly };

        Assert.True(GateRules.Commitments(Handover(14, 5, met.Id), all).Passed);
        var gate = GateRules.Commitments(Handover(14, 5, met.Id, partly.Id, gone), all);
        Assert.False(gate.Passed);
        Assert.Equal(2, gate.Evidence.Count(e => e.Blocking));
    }

    [Fact]
    public void A_checklist_item_counts_only_with_evidence()
    {
        var open = new ChecklistItem { Id = Guid.NewGuid(), Text = "drill" };
        var done = new ChecklistItem { Id = Guid.NewGuid(), Text = "patrol", Evidence = "report 12" };

        Assert.False(GateRules.Checklist([open, done]).Passed);
        Assert.True(GateRules.Checklist([done]).Passed);
        Assert.True(GateRules.Checklist([]).Passed);
    }
}
