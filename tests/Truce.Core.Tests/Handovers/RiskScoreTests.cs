using Truce.Handovers;
using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Core.Tests.Handovers;

public sealed class RiskScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_incident_adds_its_weight_scaled_by_nearness_and_age()
    {
        // 0.0224579° of latitude ≈ 2 500 m: half the radius. 14 days: one half-life.
        var explosion = new GateRules.SeenIncident(Guid.NewGuid(), "explosion", IncidentStatus.Verified, Now.AddDays(-14), 40.0224579, 46.0);
        var fire = new GateRules.SeenIncident(Guid.NewGuid(), "fire", IncidentStatus.Verified, Now, 40.0, 46.0);
        var flare = new GateRules.SeenIncident(Guid.NewGuid(), "flare", IncidentStatus.Verified, Now.AddDays(-31), 40.0, 46.0);
        var unverified = new GateRules.SeenIncident(Guid.NewGuid(), "report", IncidentStatus.Reported, Now, 40.0, 46.0);

        var parts = RiskScore.Of(40.0, 46.0, Now, [(explosion, Category.Explosion), (fire, Category.SmallArmsFire), (flare, Category.IlluminationFlare), (unverified, Category.Explosion)]);

        // small-arms fire on the spot today: 2 × 1 × 1 = 2; an explosion half-way out two weeks ago: 3 × 0.5 × 0.5 = 0.75.
        Assert.Equal([fire.Id, explosion.Id], parts.Select(p => p.Incident.Id));
        Assert.Equal(2.0, parts[0].Points, 6);
        Assert.Equal(0.75, parts[1].Points, 2);
    }
}
