using Truce.Geo;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Tests.Handover;

/// <summary>
/// The mission the handover tests run on: two signatories, the peacekeeping force, the observers, a local authority,
/// a post at 40.0 N 46.0 E, and a verified violation 2.2 km north of it the day before the test clock's now.
/// </summary>
internal static class HandoverWorld
{
    public const string Post = "post1";

    public static async Task<Guid> BuildAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Parties.AddRange(
            new Party { Id = "west", Name = "West", Kind = PartyKind.Signatory }, new Party { Id = "east", Name = "East", Kind = PartyKind.Signatory },
            new Party { Id = "pkf", Name = "Peacekeeping Force", Kind = PartyKind.PeacekeepingForce },
            new Party { Id = "observers", Name = "Observers", Kind = PartyKind.Observers },
            new Party { Id = "authority", Name = "Civil Authority", Kind = PartyKind.LocalAuthority });
        db.Sites.Add(new Site { Id = Post, Name = "Post One", Kind = SiteKind.Post, Latitude = 40.0, Longitude = 46.0, Cell = Geohash.Encode(40.0, 46.0), HeldByPartyId = "pkf" });
        var now = app.Clock.GetUtcNow();
        var incident = new Incident
        {
            Id = Guid.NewGuid(), Title = "Small-arms fire north of the post", Category = Category.SmallArmsFire, Status = IncidentStatus.Verified,
            StartsAt = now.AddDays(-1), EndsAt = now.AddDays(-1), Latitude = 40.02, Longitude = 46.0, LocationPrecisionM = 100,
            Cell = Geohash.Encode(40.02, 46.0), ObservationCount = 1, SourceCount = 1, Visibility = Truce.Access.Visibility.Public,
            CreatedAt = now, UpdatedAt = now, SubmissionHash = "test",
        };
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return incident.Id;
    }
}
