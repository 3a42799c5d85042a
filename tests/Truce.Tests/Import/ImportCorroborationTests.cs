using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Truce.Access;
using Truce.Geo;
using Truce.Import;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Import;

using Cli = Truce.Tests.Cli.Cli;

public sealed class ImportCorroborationTests
{
    private static readonly Guid PatrolObservation = Guid.Parse("3c1d7e52-8a44-4f0e-9b6a-2f5d8c9e0a11");
    private static readonly Guid PatrolIncident = Guid.Parse("7b2e9f40-1c35-4d8a-a6e2-5f0b3c4d2e19");

    // A patrol's report 70 m from UCDP event 300380 (Rami village, 2013-01-03, small arms), in an incident of its own:
    // twenty minutes that afternoon, or begun that many days before.
    private static async Task<ScratchStore> StoreWithPatrolReportAsync(Engine engine, int daysBefore = 0)
    {
        var test = await ScratchStore.CreateAsync(engine);
        Assert.Equal(0, (await Cli.RunAsync("migrate", "--db", test.Location.ConnectionString)).ExitCode);
        await using var db = new Store(test.Location, TimeProvider.System).Open();
        var at = new DateTimeOffset(2013, 1, 3, 14, 0, 0, TimeSpan.Zero);
        db.Observations.Add(new Observation
        {
            Id = PatrolObservation,
            ObservedFrom = at.AddDays(-daysBefore),
            ObservedTo = at.AddMinutes(20),
            TimePrecision = TimePrecision.Exact,
            Latitude = 35.7640,
            Longitude = 36.5595,
            LocationPrecisionM = 100,
            Cell = Geohash.Encode(35.7640, 36.5595),
            Category = Category.HeavyMachineGunFire,
            Sensor = Sensor.Heard,
            Narrative = "Sustained fire west of the village.",
            Source = "patrol-7",
            Visibility = Visibility.Internal,
            ReceivedAt = at.AddHours(1),
            SubmissionHash = new string('e', 64),
        });
        await db.SaveChangesAsync();
        var grouped = await Incidents.GroupAsync(db, Viewer.System, new IncidentInput { Id = PatrolIncident, ObservationIds = [PatrolObservation], Title = "Fire at Rami" });
        Assert.Null(grouped.Failure);
        return test;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task An_imported_event_joins_the_incident_of_a_matching_report_from_another_source_and_the_others_get_their_own(Engine engine)
    {
        await using var store = await StoreWithPatrolReportAsync(engine);

        var run = await Cli.RunAsync("import", "ucdp", ImportFiles.Sample1000, "--json", "--db", store.Location.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        await using var db = new Store(store.Location, TimeProvider.System).Open();
        var rami = await db.Observations.SingleAsync(o => o.SourceExternalId == "300380");
        Assert.Equal(PatrolIncident, rami.IncidentId);
        var incident = await db.Incidents.SingleAsync(i => i.Id == PatrolIncident);
        Assert.Equal((2, 2, "Fire at Rami"), (incident.ObservationCount, incident.SourceCount, incident.Title));
        // The incident now spans the UCDP day as well as the patrol's twenty minutes.
        Assert.Equal(new DateTimeOffset(2013, 1, 3, 0, 0, 0, TimeSpan.Zero), incident.StartsAt);

        // Every other row, including 300379 the same day 21 km away, stands for an incident of its own.
        var others = await db.Observations.Where(o => o.Source == "UCDP GED" && o.SourceExternalId != "300380").ToListAsync();
        Assert.Equal(999, others.Count);
        Assert.All(others, o => Assert.Equal(ImportIds.IncidentOf(o.Id), o.IncidentId));
        Assert.Equal(1000, await db.Incidents.CountAsync());
        Assert.Equal(999, await db.Incidents.CountAsync(i => i.ObservationCount == 1 && i.Id != PatrolIncident));
        Assert.Equal(0, (await Cli.RunAsync("verify", "--db", store.Location.ConnectionString)).ExitCode);
    }

    public static TheoryData<Engine, int> LongReports => new()
    {
        // Six days: kept under the week it began, the week before the event's.
        { Engine.Sqlite, 6 }, { Engine.Postgres, 6 },
        // Twelve days: longer than NearTime.MaxSpan, kept under the unbounded key.
        { Engine.Sqlite, 12 }, { Engine.Postgres, 12 },
    };

    [Theory]
    [MemberData(nameof(LongReports))]
    public async Task An_imported_event_joins_a_report_begun_days_before_it_whatever_week_the_report_is_kept_under(Engine engine, int daysBefore)
    {
        await using var store = await StoreWithPatrolReportAsync(engine, daysBefore);

        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", ImportFiles.Sample1000, "--db", store.Location.ConnectionString)).ExitCode);

        await using var db = new Store(store.Location, TimeProvider.System).Open();
        var rami = await db.Observations.SingleAsync(o => o.SourceExternalId == "300380");
        var patrol = await db.Observations.SingleAsync(o => o.Id == PatrolObservation);
        // The premise: the import's look-up must read another key than the event's own week to find the report.
        Assert.NotEqual(rami.NearTimeKey, patrol.NearTimeKey);
        Assert.Equal(daysBefore > 7, patrol.NearTimeKey == NearTime.Unbounded);
        Assert.Equal(PatrolIncident, rami.IncidentId);
        Assert.Equal(2, (await db.Incidents.SingleAsync(i => i.Id == PatrolIncident)).ObservationCount);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Re_importing_after_a_join_changes_nothing(Engine engine)
    {
        await using var store = await StoreWithPatrolReportAsync(engine);
        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", ImportFiles.Sample1000, "--db", store.Location.ConnectionString)).ExitCode);
        await using var db = new Store(store.Location, TimeProvider.System).Open();
        var journal = await db.Journal.CountAsync();
        var before = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == PatrolIncident);

        var again = await Cli.RunAsync("import", "ucdp", ImportFiles.Sample1000, "--json", "--db", store.Location.ConnectionString);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(1000, JsonDocument.Parse(again.Output).RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(journal, await db.Journal.CountAsync());
        var after = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == PatrolIncident);
        Assert.Equal((before.ObservationCount, before.UpdatedAt), (after.ObservationCount, after.UpdatedAt));
        Assert.Equal(PatrolIncident, (await db.Observations.SingleAsync(o => o.SourceExternalId == "300380")).IncidentId);
    }

    [Fact]
    public async Task Two_rows_of_one_dataset_never_join_one_incident_even_when_both_match_a_report()
    {
        await using var store = await StoreWithPatrolReportAsync(Engine.Sqlite);
        // A copy of the sample in which the next row (300379) is moved onto Rami village too.
        var (path, _) = ImportFiles.Corrupt(ImportFiles.Sample1000, new() { [RowOf("300379")] = ("latitude", "35.763369") });
        var (moved, _) = ImportFiles.Corrupt(path, new() { [RowOf("300379")] = ("longitude", "36.558974") });

        Assert.Equal(0, (await Cli.RunAsync("import", "ucdp", moved, "--db", store.Location.ConnectionString)).ExitCode);

        await using var db = new Store(store.Location, TimeProvider.System).Open();
        Assert.Equal(2, await db.Observations.CountAsync(o => o.IncidentId == PatrolIncident));
        Assert.Equal(1, await db.Observations.CountAsync(o => o.IncidentId == PatrolIncident && o.Source == "UCDP GED"));
        Assert.Equal(0, (await Cli.RunAsync("verify", "--db", store.Location.ConnectionString)).ExitCode);
    }

    private static int RowOf(string id)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(ImportFiles.Sample1000);
        var index = 0;
        foreach (var row in reader)
        {
            if (row["id"].ToString() == id)
            {
                return index;
            }
            index++;
        }
        throw new InvalidOperationException($"No row {id} in the sample.");
    }
}
