using Truce.Humanitarian;
using Truce.MineAction;

namespace Truce.Core.Tests.Humanitarian;

/// <summary>The readiness rules on hand-made facts for a place at 40.0 N 46.0 E.</summary>
public sealed class ReadinessRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly ReadinessFacts.Service[] AllServices =
        [.. Enum.GetValues<ServiceKind>().Select(k => new ReadinessFacts.Service(k, ServiceLevel.Available, Today.AddDays(-3)))];

    private static ReadinessFacts Facts(
        ReadinessFacts.Incident[]? incidents = null, ReadinessFacts.Hazard[]? hazards = null, ReadinessFacts.Service[]? services = null,
        ReadinessFacts.Asset[]? assets = null, long returns = 0) =>
        new("az-test", "Test", 40.0, 46.0, incidents ?? [], hazards ?? [], services ?? AllServices, assets ?? [], returns);

    [Fact]
    public void A_place_with_every_service_and_nothing_against_it_is_ready_with_no_reasons()
    {
        var assessment = ReadinessRules.Assess(Facts(), Now);

        Assert.Equal((ReadinessLevel.Ready, 100), (assessment.Level, assessment.Score));
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public void A_recent_verified_incident_within_10_km_blocks_and_is_named_one_further_or_older_is_not()
    {
        var near = new ReadinessFacts.Incident(Guid.NewGuid(), "Mortar fire", Now.AddDays(-4), 3_200);
        var far = new ReadinessFacts.Incident(Guid.NewGuid(), "Far", Now.AddDays(-1), 10_500);
        var old = new ReadinessFacts.Incident(Guid.NewGuid(), "Old", Now.AddDays(-31), 500);

        var assessment = ReadinessRules.Assess(Facts(incidents: [near, far, old]), Now);

        Assert.Equal((ReadinessLevel.NotReady, 60), (assessment.Level, assessment.Score));
        var reason = Assert.Single(assessment.Reasons);
        Assert.Equal((ReasonWeight.Blocker, ReasonCode.RecentIncident, near.Id.ToString(), "Mortar fire", "3.2 km, 4 d"),
            (reason.Weight, reason.Code, reason.SubjectId, reason.Subject, reason.Detail));
    }

    [Fact]
    public void Unreleased_land_at_the_place_blocks_a_few_km_off_is_a_concern_and_released_land_counts_for_nothing()
    {
        var at = new ReadinessFacts.Hazard(Guid.NewGuid(), "Minefield", HazardStatus.Reduced, 0);
        var off = new ReadinessFacts.Hazard(Guid.NewGuid(), "UXO", HazardStatus.Suspected, 6_000);
        var cleared = new ReadinessFacts.Hazard(Guid.NewGuid(), "Cleared", HazardStatus.Cleared, 0);
        var beyond = new ReadinessFacts.Hazard(Guid.NewGuid(), "Beyond", HazardStatus.Confirmed, 12_000);

        var assessment = ReadinessRules.Assess(Facts(hazards: [off, cleared, at, beyond]), Now);

        Assert.Equal((ReadinessLevel.NotReady, 50), (assessment.Level, assessment.Score));
        Assert.Equal(
            [(ReasonWeight.Blocker, ReasonCode.HazardAtPlace, "Minefield", "0.0 km, reduced"), (ReasonWeight.Concern, ReasonCode.HazardNearby, "UXO", "6.0 km, suspected")],
            assessment.Reasons.Select(r => (r.Weight, r.Code, r.Subject, r.Detail)));
    }

    [Fact]
    public void Essential_services_out_block_partial_or_unknown_are_concerns_other_services_weigh_less()
    {
        ReadinessFacts.Service[] services =
        [
            new(ServiceKind.Water, ServiceLevel.Available, Today.AddDays(-30)),
            new(ServiceKind.Water, ServiceLevel.Unavailable, Today.AddDays(-2)),     // the latest counts
            new(ServiceKind.Health, ServiceLevel.Partial, Today),
            new(ServiceKind.Education, ServiceLevel.Unavailable, Today),
            new(ServiceKind.Telecom, ServiceLevel.Partial, Today),
            // electricity: no report at all
        ];

        var assessment = ReadinessRules.Assess(Facts(services: services), Now);

        Assert.Equal(
            [
                (ReasonWeight.Blocker, ReasonCode.ServiceUnavailable, "water", "2026-11-29"),
                (ReasonWeight.Concern, ReasonCode.ServiceUnknown, "electricity", ""),
                (ReasonWeight.Concern, ReasonCode.ServicePartial, "health", "2026-12-01"),
                (ReasonWeight.Concern, ReasonCode.ServiceUnavailable, "education", "2026-12-01"),
                (ReasonWeight.Note, ReasonCode.ServicePartial, "telecom", "2026-12-01"),
            ],
            assessment.Reasons.Select(r => (r.Weight, r.Code, r.SubjectId, r.Detail)));
        Assert.Equal((ReadinessLevel.NotReady, 100 - 40 - 30), (assessment.Level, assessment.Score));
    }

    [Fact]
    public void Severely_damaged_assets_are_concerns_and_returns_are_a_note_that_moves_no_level()
    {
        var clinic = new ReadinessFacts.Asset(Guid.NewGuid(), "Clinic", AssetKind.Clinic, DamageLevel.Severe);
        var school = new ReadinessFacts.Asset(Guid.NewGuid(), "School", AssetKind.School, DamageLevel.Moderate);

        var assessment = ReadinessRules.Assess(Facts(assets: [clinic, school], returns: 1_850), Now);

        Assert.Equal((ReadinessLevel.Conditional, 90), (assessment.Level, assessment.Score));
        Assert.Equal(
            [(ReasonWeight.Concern, ReasonCode.AssetDamaged, "Clinic", "severe"), (ReasonWeight.Note, ReasonCode.Returns, "Test", "1850")],
            assessment.Reasons.Select(r => (r.Weight, r.Code, r.Subject, r.Detail)));
    }

    [Fact]
    public void The_score_does_not_fall_below_zero()
    {
        var incidents = Enumerable.Range(1, 4).Select(i => new ReadinessFacts.Incident(Guid.NewGuid(), $"Fire {i}", Now.AddDays(-i), 1_000)).ToArray();

        Assert.Equal(0, ReadinessRules.Assess(Facts(incidents: incidents), Now).Score);
    }

    [Fact]
    public void A_hazard_is_measured_to_its_nearest_edge_and_is_0_m_from_a_point_inside_it()
    {
        // A square from 46.00 to 46.02 E, 40.00 to 40.02 N; at 40° N 0.01° of longitude is about 852 m, 0.01° of latitude 1106 m.
        const string square = """{"type":"Polygon","coordinates":[[[46.0,40.0],[46.02,40.0],[46.02,40.02],[46.0,40.02],[46.0,40.0]]]}""";

        Assert.Equal(0, HazardDistance.FromPointM(square, 40.01, 46.01));
        Assert.InRange(HazardDistance.FromPointM(square, 40.01, 45.99), 845, 860);       // 0.01° west of the western edge
        Assert.InRange(HazardDistance.FromPointM(square, 39.99, 46.01), 1_100, 1_112);   // 0.01° south of the southern edge
    }
}
