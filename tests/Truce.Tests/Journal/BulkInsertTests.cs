using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Truce.Access;
using Truce.Geo;
using Truce.Journal;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Journal;

public sealed class BulkInsertTests
{
    private static readonly Viewer Importer = new(Guid.Parse("5d0c8f8e-1b8e-4c55-9a53-0c1f2f3a4b5c"), "analyst.ünal", Role.Analyst, null);

    private static async Task<(ScratchStore Test, Store Store)> MigratedAsync(Engine engine, TimeProvider clock)
    {
        var test = await ScratchStore.CreateAsync(engine);
        var store = await test.MigratedAsync(clock);
        return (test, store);
    }

    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 29, 10, 15, 30, TimeSpan.Zero).AddTicks(4_560);

    // Built afresh for each store, with every kind of column: nullables set and unset, enums, instants to the
    // tick, text that JSON must escape, a secret.
    private static Observation Sample(Guid id) => new()
    {
        Id = id,
        ObservedFrom = At,
        ObservedTo = At.AddMinutes(5),
        TimePrecision = TimePrecision.Hour,
        Latitude = 40.123456,
        Longitude = 46.654321,
        LocationPrecisionM = 250,
        AreaName = "Şuşa \"old town\"",
        BearingDeg = 271.5,
        DistanceM = 1200,
        Cell = Geohash.Encode(40.123456, 46.654321),
        Category = Category.HeavyMachineGunFire,
        Count = 3,
        Sensor = Sensor.ToldBy,
        CiviliansInjured = 1,
        Narrative = "Bursts heard <b>north</b>\nof the ridge; 🔥 seen",
        ReporterId = Importer.UserId!.Value,
        Source = "patrol-7",
        Visibility = Visibility.Internal,
        ReceivedAt = At.AddHours(1),
        SubmissionHash = new string('c', 64),
    };

    private static List<object> Records()
    {
        var at = At;
        var observation = Sample(Guid.Parse("0f1e2d3c-4b5a-4968-8776-655443322110"));
        var incident = new Incident
        {
            Id = Guid.Parse("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
            Status = IncidentStatus.Reported,
            Visibility = Visibility.Internal,
            CreatedAt = at,
            SubmissionHash = new string('d', 64),
        };
        Incidents.Summarise(incident, [observation], null, null, at);
        observation.IncidentId = incident.Id;
        var user = new User
        {
            Id = Guid.Parse("11111111-2222-4333-8444-555555555555"),
            Name = "monitor.bulk",
            Role = Role.Monitor,
            PasswordHash = "AQAAAAIAAYagAAAAE-not-a-real-hash",
            CreatedAt = at,
        };
        return [observation, incident, user];
    }

    // The journal's chain holds and every stored row is what its last entry says.
    private static async Task AssertVerifiesAsync(TruceDb check)
    {
        Assert.True((await JournalVerifier.VerifyAsync(check)).Holds);
        Assert.Null(await StateVerifier.FirstMismatchAsync(check));
    }

    // Writes the first records, then tries the second in one call, which must be refused.
    private static async Task<(ScratchStore Test, Store Store, Exception Refused)> RefusedAsync(Engine engine, List<object> first, List<object> second)
    {
        var (test, store) = await MigratedAsync(engine, TimeProvider.System);
        await using (var db = store.Open(Importer))
        {
            await db.BulkInsertAsync(first);
        }
        await using (var db = store.Open(Importer))
        {
            return (test, store, await Assert.ThrowsAnyAsync<Exception>(() => db.BulkInsertAsync(second)));
        }
    }

    private static async Task<List<JournalEntry>> JournalAsync(Store store)
    {
        await using var db = store.Open();
        return await db.Journal.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Bulk_inserted_records_are_journaled_byte_for_byte_as_SaveChanges_journals_them(Engine engine)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero).AddTicks(70));
        var (tracked, trackedStore) = await MigratedAsync(engine, clock);
        var (bulk, bulkStore) = await MigratedAsync(engine, clock);
        await using var _ = tracked;
        await using var __ = bulk;

        foreach (var record in Records())
        {
            await using var db = trackedStore.Open(Importer);
            db.Add(record);
            await db.SaveChangesAsync();
        }
        await using (var db = bulkStore.Open(Importer))
        {
            Assert.Equal(3, await db.BulkInsertAsync(Records()));
        }

        var expected = await JournalAsync(trackedStore);
        var actual = await JournalAsync(bulkStore);
        Assert.Equal(3, expected.Count);
        Assert.Equal(
            expected.Select(e => (e.Seq, e.At, e.Actor, e.Action, e.Entity, e.RecordKey, e.Before, e.After, e.PreviousHash, e.Hash)),
            actual.Select(e => (e.Seq, e.At, e.Actor, e.Action, e.Entity, e.RecordKey, e.Before, e.After, e.PreviousHash, e.Hash)));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Bulk_inserted_rows_read_back_as_written_and_verify_against_their_journal(Engine engine)
    {
        var (test, store) = await MigratedAsync(engine, TimeProvider.System);
        await using var _ = test;
        await using (var db = store.Open(Importer))
        {
            // Two calls on one context: the prepared inserts are reused and the second chain follows the first.
            var records = Records();
            await db.BulkInsertAsync(records[..2]);
            await db.BulkInsertAsync(records[2..]);
        }

        await using var check = store.Open();
        var expected = (Observation)Records()[0];
        var stored = await check.Observations.SingleAsync();
        Assert.Equal(
            (expected.Id, expected.ObservedFrom, expected.TimePrecision, expected.AreaName, expected.BearingDeg, expected.Weather, expected.Category, expected.Narrative, expected.IncidentId),
            (stored.Id, stored.ObservedFrom, stored.TimePrecision, stored.AreaName, stored.BearingDeg, stored.Weather, stored.Category, stored.Narrative, stored.IncidentId));
        Assert.Equal("monitor.bulk", (await check.Users.SingleAsync(u => u.Id == Guid.Parse("11111111-2222-4333-8444-555555555555"))).Name);
        await AssertVerifiesAsync(check);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_large_batch_beside_its_smaller_journal_is_written_whole_and_verifies(Engine engine)
    {
        // 1 000 observations hold more values than one multi-row INSERT may (PostgreSQL then COPYs them) while their
        // 1 000 journal entries do not (an INSERT): both ways in one transaction, the chain after them intact.
        Assert.True(1_000 * 17 > PostgresTruceDb.MaxInsertValues && 1_000 * 16 <= PostgresTruceDb.MaxInsertValues);
        var (test, store) = await MigratedAsync(engine, TimeProvider.System);
        await using var _ = test;
        var ids = Enumerable.Range(0, 1_000).Select(i => Guid.Parse($"0f1e2d3c-4b5a-4968-8776-{i:D12}")).ToList();
        await using (var db = store.Open(Importer))
        {
            Assert.Equal(1_000, await db.BulkInsertAsync([.. ids.Select(Sample)]));
            Assert.Equal(1, await db.BulkInsertAsync(Records()[2..]));
        }

        await using var check = store.Open();
        Assert.Equal(ids.Order(), (await check.Observations.Select(o => o.Id).ToListAsync()).Order());
        var journal = await JournalAsync(store);
        Assert.Equal(1_001, journal.Count);
        Assert.Equal(ids.Select(id => id.ToString("D")).Order(StringComparer.Ordinal),
            journal.Where(e => e.Entity == "observations").Select(e => e.RecordKey).Order(StringComparer.Ordinal));
        Assert.True((await JournalVerifier.VerifyAsync(check)).Holds);
        Assert.Null(await StateVerifier.FirstMismatchAsync(check));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_failed_bulk_insert_writes_neither_rows_nor_journal(Engine engine)
    {
        // The same observation again: its key is taken, so the whole call fails.
        var (test, store, _) = await RefusedAsync(engine, Records()[..1], Records());
        await using var _ = test;

        await using var check = store.Open();
        Assert.Equal(1, await check.Journal.CountAsync());
        Assert.Equal(0, await check.Incidents.CountAsync());
        Assert.Null(await StateVerifier.FirstMismatchAsync(check));
    }
    // Many observations of one table, each with its own id, position and text: more than fill two of SQLite's
    // multi-row statements (SqliteRowWriter.RowsPerStatement rows each), with a remainder written row by row.
    private static List<object> Many(int count, int first = 0) =>
    [
        .. Enumerable.Range(first, count).Select(i =>
        {
            var observation = (Observation)Records()[0];
            observation.Id = Guid.Parse($"0f1e2d3c-4b5a-4968-8776-{i:D12}");
            observation.Latitude = 40 + (i / 1000.0);
            observation.Cell = Geohash.Encode(observation.Latitude, observation.Longitude);
            observation.Narrative = $"Row {i}: bursts heard";
            observation.AreaName = i % 3 == 0 ? null : $"Area {i}";
            observation.BearingDeg = i % 2 == 0 ? null : i;
            observation.IncidentId = null;
            return (object)observation;
        }),
    ];

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Rows_written_many_to_a_statement_read_back_in_their_own_columns_and_verify(Engine engine)
    {
        var (test, store) = await MigratedAsync(engine, TimeProvider.System);
        await using var _ = test;
        var count = (2 * SqliteRowWriter.RowsPerStatement) + 5;
        await using (var db = store.Open(Importer))
        {
            Assert.Equal(count, await db.BulkInsertAsync(Many(count)));
            // A second call on the same context reuses the statements.
            Assert.Equal(3, await db.BulkInsertAsync(Many(3, first: count)));
        }

        await using var check = store.Open();
        Assert.Equal(count + 3, await check.Observations.CountAsync());
        foreach (var expected in Many(count + 3).Cast<Observation>())
        {
            // Found by its id through EF's own parameter: the row writer wrote the id as EF writes it.
            var found = await check.Observations.AsNoTracking().SingleAsync(o => o.Id == expected.Id);
            Assert.Equal((expected.Latitude, expected.Cell, expected.Narrative, expected.AreaName, expected.BearingDeg, expected.ObservedFrom),
                (found.Latitude, found.Cell, found.Narrative, found.AreaName, found.BearingDeg, found.ObservedFrom));
        }
        await AssertVerifiesAsync(check);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_taken_key_inside_a_multi_row_statement_fails_the_whole_write(Engine engine)
    {
        // Row 70 is in the second group of 64: the first group is already in the statement's transaction when it fails.
        var (test, store, refused) = await RefusedAsync(engine, Many(1, first: 70), Many(2 * SqliteRowWriter.RowsPerStatement));
        await using var _ = test;
        if (engine == Engine.Sqlite)
        {
            // As SaveChanges would: the group commit answers a racing duplicate by this type.
            Assert.IsType<DbUpdateException>(refused);
        }

        await using var check = store.Open();
        Assert.Equal(1, await check.Observations.CountAsync());
        Assert.Equal(1, await check.Journal.CountAsync());
        Assert.Null(await StateVerifier.FirstMismatchAsync(check));
    }
}
