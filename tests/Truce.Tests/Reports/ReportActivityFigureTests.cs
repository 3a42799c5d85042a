using System.Net;
using System.Net.Http.Json;
using Truce.Access;
using Truce.Activities;
using Truce.Geo;
using Truce.Handovers;
using Truce.Mission;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Tests.Reports;

/// <summary>A report's figures of notified activities and handovers (issue 11), as the public may see them.</summary>
public sealed class ReportActivityFigureTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    private static NotifiedActivity Activity(ActivityKind kind, DateTimeOffset starts, bool late) => new()
    {
        Id = Guid.NewGuid(), PartyId = "west", Kind = kind, Latitude = 40.0, Longitude = 46.0, RadiusM = 2000, MinLat = 39.98, MaxLat = 40.02,
        MinLon = 45.97, MaxLon = 46.03, StartsAt = starts, EndsAt = starts.AddHours(6), NotifiedAt = starts.AddDays(-1), NotifiedBy = "west1",
        LateNotice = late, SubmissionHash = "test",
    };

    private static async Task SeedAsync(TruceApp app)
    {
        await using var db = app.Store.Open();
        db.Parties.AddRange(new Party { Id = "west", Name = "West" }, new Party { Id = "pkf", Name = "Peacekeeping Force" },
            new Party { Id = "authority", Name = "Civil Authority" });
        // Two deminings on the 28th (one notified late) and a rotation overlapping its evening; an exercise the day before.
        db.AddRange(Activity(ActivityKind.Demining, Day.AddHours(6), late: false), Activity(ActivityKind.Demining, Day.AddHours(12), late: true),
            Activity(ActivityKind.Rotation, Day.AddHours(22), late: false), Activity(ActivityKind.Exercise, Day.AddDays(-1).AddHours(6), late: false));
        // Inside the first demining: one published observation, one internal.
        foreach (var visibility in new[] { Visibility.Public, Visibility.Internal })
        {
            db.Observations.Add(new Observation
            {
                Id = Guid.NewGuid(), ObservedFrom = Day.AddHours(7), ObservedTo = Day.AddHours(7).AddMinutes(5), Latitude = 40.0, Longitude = 46.0,
                LocationPrecisionM = 100, Cell = Geohash.Encode(40.0, 46.0), Category = Category.Explosion, Sensor = Sensor.Heard, Source = "patrol",
                Visibility = visibility, ReceivedAt = Day.AddHours(8), Narrative = "n",
            });
        }
        var plan = new HandoverPlan { Id = Guid.NewGuid(), Name = "Withdrawal", CreatedAt = Day.AddDays(-10), SubmissionHash = "test" };
        var phase = new Phase { Id = Guid.NewGuid(), PlanId = plan.Id, Number = 1, Name = "Phase one", StartsAt = Day.AddDays(-5), EndsAt = Day.AddDays(5), SubmissionHash = "test" };
        db.AddRange(plan, phase);
        Truce.Handovers.Handover Named(string name, HandoverState state) => new()
        {
            Id = Guid.NewGuid(), PhaseId = phase.Id, Name = name, SiteIds = "", FromPartyId = "pkf", ToPartyId = "authority", ScheduledAt = Day,
            State = state, QuietRadiusKm = 5, QuietDays = 7, CreatedAt = Day.AddDays(-10), UpdatedAt = Day, SubmissionHash = "test",
        };
        var done = Named("North post", HandoverState.Completed);
        var postponed = Named("South post", HandoverState.Postponed);
        var earlier = Named("East post", HandoverState.Completed);
        var started = Named("West post", HandoverState.InProgress);
        db.AddRange(done, postponed, earlier, started);
        HandoverTransition Move(Truce.Handovers.Handover h, HandoverState from, HandoverState to, DateTimeOffset at) =>
            new() { Id = Guid.NewGuid(), HandoverId = h.Id, From = from, To = to, By = "analyst1", At = at };
        db.AddRange(
            Move(done, HandoverState.InProgress, HandoverState.Completed, Day.AddHours(15)),
            Move(postponed, HandoverState.Ready, HandoverState.Postponed, Day.AddHours(9)),
            Move(earlier, HandoverState.InProgress, HandoverState.Completed, Day.AddHours(-3)),
            Move(started, HandoverState.Ready, HandoverState.InProgress, Day.AddHours(10)));
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_daily_report_counts_the_activities_notified_for_its_day_and_names_the_handovers_completed_or_postponed_in_it(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);

        var id = Guid.NewGuid();
        using var response = await analyst.PostAsJsonAsync("/api/reports", new { id, kind = "daily", date = "2026-11-28", narrative = "" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var figures = (await Json.ReadAsync(response)).GetProperty("figures");

        var activities = figures.GetProperty("notifiedActivities").EnumerateArray()
            .Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("count").GetInt32(), a.GetProperty("lateNotice").GetInt32())).ToList();
        Assert.Equal([("rotation", 1, 0), ("demining", 2, 1)], activities);
        // As the public sees it: the published explosion inside the demining, not the internal one.
        Assert.Equal(1, figures.GetProperty("priorNotices").GetProperty("preNotifiedObservations").GetInt32());
        var handovers = figures.GetProperty("handovers").EnumerateArray()
            .Select(h => (h.GetProperty("name").GetString(), h.GetProperty("state").GetString(), h.GetProperty("toPartyId").GetString())).ToList();
        Assert.Equal([("South post", "postponed", "authority"), ("North post", "completed", "authority")], handovers);

        var page = await (await app.SignInAsync("analyst2", Role.Analyst)).GetStringAsync($"/reports/{id}");
        Assert.Contains("North post", page, StringComparison.Ordinal);
        Assert.Contains("handed to Civil Authority", page, StringComparison.Ordinal);
        Assert.Contains("late notice: 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_states_the_notified_activities_and_the_handovers_as_the_report_page_does_in_the_readers_language()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        await SeedAsync(app);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/reports", new { id, kind = "daily", date = "2026-11-28", narrative = "" })).StatusCode);
        foreach (var status in new[] { "review", "published" })
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync($"/api/reports/{id}/status", new { status })).StatusCode);
        }
        var visitor = app.CreateClient();

        // Read back by poppler's pdftotext, not by the library that wrote it; lines joined, since a long line may wrap.
        var english = Flat(await PdfText.OfAsync(await visitor.GetByteArrayAsync($"/public/reports/{id}/pdf")));
        Assert.Contains("Notified activities", english, StringComparison.Ordinal);
        Assert.Contains("Rotation: 1", english, StringComparison.Ordinal);
        Assert.Contains("Demining: 2 (late notice: 1)", english, StringComparison.Ordinal);
        Assert.Contains("Pre-notified: 0 incidents, 1 observations; not notified: 0 incidents, 0 observations.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Exercise:", english, StringComparison.Ordinal);
        Assert.Contains("Handovers", english, StringComparison.Ordinal);
        Assert.Contains("2026-11-28 09:00 UTC · South post · Postponed · handed to Civil Authority", english, StringComparison.Ordinal);
        Assert.Contains("2026-11-28 15:00 UTC · North post · Completed · handed to Civil Authority", english, StringComparison.Ordinal);
        Assert.DoesNotContain("East post", english, StringComparison.Ordinal);
        Assert.DoesNotContain("West post", english, StringComparison.Ordinal);

        var russian = Flat(await PdfText.OfAsync(await visitor.GetByteArrayAsync($"/public/reports/{id}/pdf?lang=ru")));
        Assert.Contains("Заявленная деятельность", russian, StringComparison.Ordinal);
        Assert.Contains("Разминирование: 2 (с опозданием: 1)", russian, StringComparison.Ordinal);
        Assert.Contains("Передача ответственности", russian, StringComparison.Ordinal);
        Assert.Contains("South post · Отложена · передано: Civil Authority", russian, StringComparison.Ordinal);
        Assert.DoesNotContain("Notified activities", russian, StringComparison.Ordinal);
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])['\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
}
