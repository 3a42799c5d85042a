using Truce.Access;
using Truce.Geo;
using Truce.Handovers;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Testing;
using Truce.Verification;

namespace Truce.Bench.Timeline;

/// <summary>
/// A plan of <c>handovers</c> handovers in four phases, each handing one post over, and <c>incidents</c> incidents where a
/// mission sees them (<see cref="SyntheticPositions"/>) over the two years before <see cref="Now"/>, half of them verified:
/// what the handovers' quiet gates read. Seeded: the same counts give the same rows.
/// </summary>
public sealed record SyntheticPlan(IReadOnlyList<object> Mission, IReadOnlyList<Incident> Incidents)
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SyntheticPlan Generate(int handovers, int incidents, int seed = 20261203)
    {
        var random = new Random(seed);
        var positions = new SyntheticPositions(random);
        var mission = new List<object>
        {
            new Party { Id = "pkf", Name = "Peacekeeping Force", Kind = PartyKind.PeacekeepingForce },
            new Party { Id = "authority", Name = "Civil Authority", Kind = PartyKind.LocalAuthority },
        };
        var plan = new HandoverPlan { Id = Guid.NewGuid(), Name = "Withdrawal", CreatedAt = Now.AddDays(-30), SubmissionHash = "bench" };
        mission.Add(plan);
        var phases = Enumerable.Range(1, 4).Select(n => new Phase
        {
            Id = Guid.NewGuid(), PlanId = plan.Id, Number = n, Name = $"Phase {n}", StartsAt = Now.AddDays(30 * (n - 1)), EndsAt = Now.AddDays(30 * n),
            SubmissionHash = "bench",
        }).ToList();
        mission.AddRange(phases);
        for (var i = 0; i < handovers; i++)
        {
            var (lat, lon) = positions.Next();
            var site = new Site { Id = $"post{i:D3}", Name = $"Post {i}", Kind = SiteKind.Post, Latitude = lat, Longitude = lon, Cell = Geohash.Encode(lat, lon), HeldByPartyId = "pkf" };
            var phase = phases[i * phases.Count / handovers];
            mission.Add(site);
            mission.Add(new Truce.Handovers.Handover
            {
                Id = Guid.NewGuid(), PhaseId = phase.Id, Name = $"Post {i}", SiteIds = site.Id, FromPartyId = "pkf", ToPartyId = "authority",
                ScheduledAt = phase.StartsAt.AddDays(i % 30), State = HandoverState.Planned, QuietRadiusKm = 5, QuietDays = 14,
                CreatedAt = Now.AddDays(-30), UpdatedAt = Now.AddDays(-30), SubmissionHash = "bench",
            });
        }
        var span = TimeSpan.FromDays(730);
        var rows = new Incident[incidents];
        for (var i = 0; i < incidents; i++)
        {
            var (lat, lon) = positions.Next();
            // Whole seconds: what Instant.Normalize keeps survives the round trip through either engine.
            var at = Now.AddSeconds(-random.NextInt64(0, (long)span.TotalSeconds));
            rows[i] = new Incident
            {
                Id = Guid.NewGuid(), Title = "", Category = Category.SmallArmsFire, Status = i % 2 == 0 ? IncidentStatus.Verified : IncidentStatus.UnderReview,
                StartsAt = at, EndsAt = at, Latitude = lat, Longitude = lon, LocationPrecisionM = 100, Cell = Geohash.Encode(lat, lon), ObservationCount = 1,
                SourceCount = 1, Visibility = Visibility.Public, CreatedAt = at, UpdatedAt = at, SubmissionHash = "bench",
            };
        }
        return new SyntheticPlan(mission, rows);
    }
}
