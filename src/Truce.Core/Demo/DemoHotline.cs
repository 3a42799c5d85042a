using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Activities;
using Truce.Hotline;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Demo;

/// <summary>
/// The demo's hotline history: a protest that lapsed and escalated twice, an inquiry that was acknowledged and
/// answered, and a fresh notice awaiting the other side. Written with past times (the commands stamp the present),
/// then escalated by the same code the server runs. And notified activities: a demining whose area and window cover
/// one of the demo's explosions (its incident shows as pre-notified), a rotation ahead, a live firing notified late.
/// </summary>
internal static class DemoHotline
{
    public static async Task LoadAsync(Store store, IReadOnlyDictionary<string, Viewer> staff, CancellationToken cancellationToken)
    {
        var now = Instant.Now(store.Clock);
        var deadlines = HotlineDeadlines.Default;
        var west = staff["liaison.west"];
        var east = staff["liaison.east"];
        await using (var db = store.Open())
        {
            var protest = Thread(west, "east", "Small-arms fire towards the Lachin road checkpoint", now.AddHours(-9));
            protest.Messages.Add(Message(protest, west, MessageKind.Protest, now.AddHours(-9), deadlines,
                "At 05:10 our post at the Lachin road checkpoint came under small-arms fire from the east. We protest and ask the mission to verify."));

            var inquiry = Thread(east, "west", "Vehicles moving near Shusha", now.AddHours(-20));
            var asked = Message(inquiry, east, MessageKind.Inquiry, now.AddHours(-20), deadlines,
                "Our observers report a column of six vehicles moving south of Shusha at dawn. Please explain the purpose of the movement.");
            asked.ReadAt = now.AddHours(-19);
            asked.AcknowledgedAt = now.AddHours(-18);
            asked.AcknowledgedBy = west.Name;
            var answer = Message(inquiry, west, MessageKind.Reply, now.AddHours(-17), deadlines,
                "A scheduled rotation of the engineering unit, notified to the mission on the day before. No weapons were moved.");
            answer.ReadAt = now.AddHours(-16);
            answer.AcknowledgedAt = now.AddHours(-16);
            answer.AcknowledgedBy = east.Name;
            inquiry.Messages.AddRange([asked, answer]);

            var notice = Thread(west, "east", "Demining north of Aghdam", now.AddHours(-2));
            notice.Messages.Add(Message(notice, west, MessageKind.Notice, now.AddHours(-2), deadlines,
                "Demining teams will carry out controlled detonations north of Aghdam tomorrow between 09:00 and 15:00."));

            db.Actor = west;
            db.AddRange(protest, inquiry, notice);
            await db.SaveChangesAsync(cancellationToken);
        }
        await Escalations.RecordDueAsync(store, deadlines, cancellationToken);
        await LoadActivitiesAsync(store, west, east, now, cancellationToken);
    }

    private static async Task LoadActivitiesAsync(Store store, Viewer west, Viewer east, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = store.Open();
        var blast = await db.Observations.AsNoTracking().Where(o => o.Category == Category.Explosion)
            .OrderByDescending(o => o.ObservedFrom).ThenBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        db.Actor = west;
        if (blast is not null)
        {
            db.Add(Circle(west, ActivityKind.Demining, blast.Latitude, blast.Longitude, 1500, blast.ObservedFrom.AddHours(-2), blast.ObservedTo.AddHours(2),
                blast.ObservedFrom.AddDays(-3), "Controlled detonation of unexploded ordnance found by the demining team."));
        }
        db.Add(Circle(west, ActivityKind.Rotation, 39.75, 46.75, 3000, now.AddDays(3), now.AddDays(3).AddHours(6), now.AddHours(-1),
            "Rotation of the company at the Khankendi checkpoint."));
        await db.SaveChangesAsync(cancellationToken);
        db.Actor = east;
        db.Add(Circle(east, ActivityKind.LiveFiring, 39.95, 46.95, 5000, now.AddHours(20), now.AddHours(26), now.AddHours(-1),
            "Live-firing exercise at the range east of the line; notified late."));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static NotifiedActivity Circle(
        Viewer party, ActivityKind kind, double lat, double lon, int radiusM, DateTimeOffset starts, DateTimeOffset ends, DateTimeOffset notified, string description)
    {
        var dLat = radiusM / 111_320.0;
        var dLon = radiusM / (111_320.0 * Math.Cos(lat * Math.PI / 180));
        return new NotifiedActivity
        {
            Id = Guid.CreateVersion7(notified), PartyId = party.PartyId!, Kind = kind, Description = description, Latitude = lat, Longitude = lon,
            RadiusM = radiusM, MinLat = lat - dLat, MaxLat = lat + dLat, MinLon = lon - dLon, MaxLon = lon + dLon,
            StartsAt = Instant.Normalize(starts), EndsAt = Instant.Normalize(ends), NotifiedAt = Instant.Normalize(notified), NotifiedBy = party.Name,
            LateNotice = starts - notified < LeadTimes.Default.For(kind), SubmissionHash = Submission.Hash(description),
        };
    }

    private static HotlineThread Thread(Viewer from, string to, string subject, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), Subject = subject, PartyId = from.PartyId!, OtherPartyId = to, StartedAt = Instant.Normalize(at),
        StartedBy = from.Name, SubmissionHash = Submission.Hash(subject),
    };

    private static HotlineMessage Message(HotlineThread thread, Viewer from, MessageKind kind, DateTimeOffset at, HotlineDeadlines deadlines, string body) => new()
    {
        Id = Guid.CreateVersion7(at), ThreadId = thread.Id, Kind = kind, FromPartyId = from.PartyId!, ToPartyId = thread.Counterpart(from.PartyId!),
        Body = body, SentAt = Instant.Normalize(at), SentBy = from.Name, DueAt = Instant.Normalize(at + deadlines.For(kind)),
        SubmissionHash = Submission.Hash(body),
    };
}
