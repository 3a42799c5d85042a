using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Geo;
using Truce.Journal;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Core.Tests.Lists;

/// <summary>Issue 14 item 2: the near queries' time key, and that reading by it misses nothing a scan finds.</summary>
public sealed class NearTimeTests
{
    // A Monday, 739 676 days (105 668 whole weeks) after 0001-01-01, itself a Monday: the weeks begin on Mondays at 00:00 UTC.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private const int MondayWeek = 105_669;
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private const double CentreLat = 40.5;
    private const double CentreLon = 45.0;
    private const double RadiusKm = 15;
    // Small enough that the longer windows span several pages.
    private const int PageSize = 100;

    [Fact]
    public void An_interval_is_keyed_by_its_starting_week_up_to_a_week_long_and_longer_ones_by_the_unbounded_key()
    {
        Assert.Equal(MondayWeek, NearTime.KeyOf(Monday, Monday));
        Assert.Equal(MondayWeek - 1, NearTime.KeyOf(Monday - Second, Monday));
        Assert.Equal(MondayWeek, NearTime.KeyOf(Monday + Week - Second, Monday + Week - Second));
        Assert.Equal(MondayWeek, NearTime.KeyOf(Monday, Monday + Week));
        Assert.Equal(NearTime.Unbounded, NearTime.KeyOf(Monday, Monday + Week + Second));
        Assert.Equal(1, NearTime.KeyOf(DateTimeOffset.MinValue, DateTimeOffset.MinValue));
    }

    [Fact]
    public void A_window_reads_the_unbounded_key_and_the_weeks_from_a_week_before_it_to_its_end()
    {
        Assert.Null(NearTime.Keys(null, Monday));
        Assert.Null(NearTime.Keys(Monday, null));
        // 30 days from a Monday end in the fifth week after it; a week before it is the week before.
        int[] month = [0, .. Enumerable.Range(MondayWeek - 1, 6)];
        Assert.Equal(month, NearTime.Keys(Monday, Monday.AddDays(30)));
        // One second after Monday, the week before still holds intervals of a week that reach the window.
        int[] edge = [0, MondayWeek - 1, MondayWeek];
        Assert.Equal(edge, NearTime.Keys(Monday + Second, Monday + (2 * Second)));
        int[] none = [NearTime.Unbounded];
        Assert.Equal(none, NearTime.Keys(Monday, Monday - Second));
        Assert.Equal(55, NearTime.Keys(Monday, Monday.AddDays(365))!.Count);
        Assert.Null(NearTime.Keys(Monday, Monday.AddYears(10)));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Near_lists_over_windows_across_week_edges_and_a_year_answer_exactly_what_a_scan_finds(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var store = await scratch.MigratedAsync();
        var rows = Rows();
        await using (var db = store.Open())
        {
            foreach (var row in rows)
            {
                db.Observations.Add(Observation(row));
                db.Incidents.Add(Incident(row));
            }
            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
        {
            // The key stored (read as a column, not through the record) is the one the query enumerates.
            var keys = await db.Observations.Select(o => new { o.Id, o.NearTimeKey }).ToDictionaryAsync(o => o.Id, o => o.NearTimeKey);
            var incidentKeys = await db.Incidents.Select(i => new { i.Id, i.NearTimeKey }).ToDictionaryAsync(i => i.Id, i => i.NearTimeKey);
            Assert.All(rows, r => Assert.Equal(NearTime.KeyOf(r.From, r.To), keys[r.Id]));
            Assert.All(rows, r => Assert.Equal(NearTime.KeyOf(r.From, r.To), incidentKeys[r.Id]));
            Assert.Contains(NearTime.Unbounded, keys.Values);
        }

        var centre = Area.Circle(CentreLat, CentreLon, RadiusKm * 1000);
        var windows = (from week in new[] { -3, 0, 2, 10 }
                       from edge in new[] { -Second, TimeSpan.Zero, Second }
                       from length in new[] { TimeSpan.Zero, Second, Week, TimeSpan.FromDays(30), TimeSpan.FromDays(365) }
                       let start = Monday + (week * Week) + edge
                       select (From: start, To: start + length)).ToList();
        foreach (var (from, to) in windows)
        {
            var expected = rows.Where(r => r.To >= from && r.From <= to && centre.Contains(r.Lat, r.Lon)).Select(r => r.Id).Order().ToList();
            var filter = new ListFilter { Near = new Place(CentreLat, CentreLon, null), RadiusKm = RadiusKm, From = from, To = to };
            Assert.Equal(expected, await AllAsync(store, filter, Observations.ListAsync));
            Assert.Equal(expected, await AllAsync(store, filter, Incidents.ListAsync));
        }
        Assert.Contains(windows, w => rows.Count(r => r.To >= w.From && r.From <= w.To && centre.Contains(r.Lat, r.Lon)) > PageSize);

        await using (var db = store.Open())
        {
            Assert.Null(await StateVerifier.FirstMismatchAsync(db));
        }
    }

    [Fact]
    public void A_window_is_read_newest_week_first_as_many_weeks_at_a_time_as_the_weeks_read_predict()
    {
        var keys = NearTime.Keys(Monday, Monday.AddDays(30))!;
        Assert.Equal([MondayWeek + 4, MondayWeek + 3, MondayWeek + 2, MondayWeek + 1, MondayWeek, MondayWeek - 1], NearTime.WeeksNewestFirst(keys));
        Assert.Empty(NearTime.WeeksNewestFirst([NearTime.Unbounded]));
        Assert.Equal(Monday, NearTime.StartOf(MondayWeek));
        Assert.Equal(Monday - Week, NearTime.StartOf(MondayWeek - 1));

        // First the newest week.
        Assert.Equal(1, NearTime.NextBatch(0, TimeSpan.Zero, 6, 0, 0));
        // Nothing in the weeks read: the rest at once.
        Assert.Equal(5, NearTime.NextBatch(1, Week, 5, 0, 1_001));
        // 500 in the three days of the newest week inside the window, 501 more wanted: one week (0.54 predicted, and at
        // least as many as were read); 500 in two whole weeks: three (2.5 predicted, a quarter over).
        Assert.Equal(1, NearTime.NextBatch(1, TimeSpan.FromDays(3), 50, 500, 501));
        Assert.Equal(3, NearTime.NextBatch(2, 2 * Week, 50, 500, 501));
        // Nearly there: still at least as many weeks again as were read, but no more than are left.
        Assert.Equal(4, NearTime.NextBatch(4, 4 * Week, 50, 990, 11));
        Assert.Equal(3, NearTime.NextBatch(4, 4 * Week, 3, 990, 11));
        // A trickle: many weeks, never past the window.
        Assert.Equal(125, NearTime.NextBatch(2, 2 * Week, 150, 20, 1_000));
        Assert.Equal(150, NearTime.NextBatch(2, 2 * Week, 150, 1, 1_000));
    }

    [Fact]
    public async Task What_the_public_or_a_liaison_may_see_of_near_candidates_is_decided_on_the_covering_index_alone()
    {
        // Without the visibility (and, for reports, the submitting party) in the near-time index, SQLite reads every
        // candidate's row to test it: the public's incident list took 2.4 times as long as the analyst's (session 11).
        await using var scratch = await ScratchStore.CreateAsync(Engine.Sqlite);
        var store = await scratch.MigratedAsync();
        await using var db = store.Open();
        await db.Database.OpenConnectionAsync();
        var keys = NearTime.Keys(Monday, Monday.AddDays(30))!;
        var ranges = CellCover.Ranges(Area.Circle(CentreLat, CentreLon, RadiusKm * 1000));
        var (from, to) = (Monday, Monday.AddDays(30));
        Viewer[] viewers = [Viewer.Anonymous, new(Guid.NewGuid(), "liaison", Role.Liaison, "north"), Viewer.System];
        foreach (var viewer in viewers)
        {
            var observations = NearTime.Within<Observation>(db, keys, ranges).AsNoTracking().VisibleTo(viewer)
                .Where(o => o.ObservedTo >= from && o.ObservedFrom <= to).Select(o => new { o.Id, o.ObservedFrom, o.Latitude, o.Longitude });
            Assert.Contains("USING COVERING INDEX ix_observations_near_time_covering", await PlanAsync(db, observations.ToQueryString()), StringComparison.Ordinal);
            var incidents = NearTime.Within<Incident>(db, keys, ranges).AsNoTracking().VisibleTo(viewer)
                .Where(i => i.EndsAt >= from && i.StartsAt <= to).Select(i => new { i.Id, i.StartsAt, i.Latitude, i.Longitude });
            Assert.Contains("USING COVERING INDEX ix_incidents_near_time_covering", await PlanAsync(db, incidents.ToQueryString()), StringComparison.Ordinal);
        }
    }

    /// <summary>SQLite's plan of a query EF wrote out (its parameters left unbound: the plan does not depend on them).</summary>
    private static async Task<string> PlanAsync(TruceDb db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        return string.Join('\n', plan);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_busy_window_lists_the_newest_pages_exactly_and_counts_up_to_the_bound(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var store = await scratch.MigratedAsync();
        var random = new Random(1014);
        var rows = new List<Row>();
        // Eight weeks of 400 rows each within about 6 km of the centre, 100 far outside the circle, 1 200 longer than a
        // week that began in the month before the window (stored under the unbounded key, read first, listed last), and
        // two more such rows: one that starts last of all, one that started before all the others.
        for (var i = 0; i < 3_200; i++)
        {
            var from = Monday + TimeSpan.FromSeconds(random.Next(0, (int)(8 * Week).TotalSeconds));
            rows.Add(new Row(Guid.NewGuid(), CentreLat + ((random.NextDouble() - 0.5) * 0.08), CentreLon + ((random.NextDouble() - 0.5) * 0.1), from, from));
        }
        for (var i = 0; i < 100; i++)
        {
            var from = Monday + TimeSpan.FromSeconds(random.Next(0, (int)(8 * Week).TotalSeconds));
            rows.Add(new Row(Guid.NewGuid(), CentreLat + 0.5, CentreLon, from, from));
        }
        for (var i = 0; i < 1_200; i++)
        {
            var from = Monday - TimeSpan.FromSeconds(random.Next(1, (int)TimeSpan.FromDays(29).TotalSeconds));
            rows.Add(new Row(Guid.NewGuid(), CentreLat + ((random.NextDouble() - 0.5) * 0.08), CentreLon, from, Monday + (2 * Week)));
        }
        var window = (From: Monday, To: Monday + (8 * Week) - Second);
        rows.Add(new Row(Guid.NewGuid(), CentreLat, CentreLon, window.To - Second, window.To + TimeSpan.FromDays(40)));
        rows.Add(new Row(Guid.NewGuid(), CentreLat, CentreLon, Monday - TimeSpan.FromDays(30), Monday + Week));
        await using (var db = store.Open())
        {
            foreach (var row in rows)
            {
                db.Observations.Add(Observation(row));
                db.Incidents.Add(Incident(row));
            }
            await db.SaveChangesAsync();
        }

        var centre = Area.Circle(CentreLat, CentreLon, RadiusKm * 1000);
        var newestFirst = rows.Where(r => r.To >= window.From && r.From <= window.To && centre.Contains(r.Lat, r.Lon))
            .OrderByDescending(r => r.From).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        Assert.Equal(4_402, newestFirst.Count);
        Assert.Equal(rows[^2].Id, newestFirst[0]);
        Assert.Equal(rows[^1].Id, newestFirst[^1]);

        var filter = new ListFilter { Near = new Place(CentreLat, CentreLon, null), RadiusKm = RadiusKm, From = window.From, To = window.To };
        foreach (var paging in new[] { new Paging(1, 50), new Paging(2, 500), new Paging(9, 500) })
        {
            var observations = await PageAsync(store, filter with { Paging = paging }, Observations.ListAsync);
            var incidents = await PageAsync(store, filter with { Paging = paging }, Incidents.ListAsync);
            Assert.Equal(newestFirst.Skip(paging.Skip).Take(paging.Size), observations.Items.Select(r => r.Id));
            Assert.Equal(newestFirst.Skip(paging.Skip).Take(paging.Size), incidents.Items.Select(r => r.Id));
            foreach (var page in new[] { (observations.Total, observations.TotalIsLowerBound), (incidents.Total, incidents.TotalIsLowerBound) })
            {
                if (paging.Number == 9)
                {
                    // The last page: every week was read, so the total is exact.
                    Assert.False(page.TotalIsLowerBound);
                    Assert.Equal(newestFirst.Count, page.Total);
                }
                else
                {
                    // More than the bound (or the page's end) match: the list says so without counting the rest.
                    Assert.True(page.TotalIsLowerBound);
                    Assert.Equal(Math.Max(SpatialFilter.CountedUpTo, paging.Skip + paging.Size), page.Total);
                    Assert.True(page.Total < newestFirst.Count);
                }
            }
        }

        // A window with fewer matches than the bound is counted exactly.
        var week = filter with { From = Monday + (3 * Week), To = Monday + (4 * Week) - Second, Paging = new Paging(1, 20) };
        var inWeek = rows.Count(r => r.To >= week.From && r.From <= week.To && centre.Contains(r.Lat, r.Lon));
        Assert.InRange(inWeek, 100, SpatialFilter.CountedUpTo);
        var exact = await PageAsync(store, week, Observations.ListAsync);
        Assert.False(exact.TotalIsLowerBound);
        Assert.Equal(inWeek, exact.Total);
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_row_written_before_the_key_existed_holds_the_unbounded_key_verifies_and_is_still_found(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var store = await scratch.MigratedAsync();
        var row = new Row(Guid.NewGuid(), CentreLat, CentreLon, Monday, Monday.AddHours(2));
        await using var db = store.Open();
        db.Observations.Add(Observation(row));
        await db.SaveChangesAsync();

        // What the migration leaves: the entry has no near_time_key, and AddColumn gave the row its default, 0.
        var last = await db.Journal.AsNoTracking().Where(e => e.Entity == "observations" && e.RecordKey == row.Id.ToString())
            .OrderByDescending(e => e.Seq).FirstAsync();
        var old = System.Text.Json.Nodes.JsonNode.Parse(last.After!)!.AsObject();
        Assert.True(old.Remove("near_time_key"));
        await db.Journal.Where(e => e.Seq == last.Seq).ExecuteUpdateAsync(s => s.SetProperty(e => e.After, old.ToJsonString()));
        await db.Observations.Where(o => o.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.NearTimeKey, NearTime.Unbounded));

        var filter = new ListFilter { Near = new Place(CentreLat, CentreLon, null), RadiusKm = 1, From = Monday.AddDays(-1), To = Monday.AddDays(1) };
        Assert.Equal(new[] { row.Id }, await AllAsync(store, filter, Observations.ListAsync));
        Assert.Null(await StateVerifier.FirstMismatchAsync(db));
    }

    private sealed record Row(Guid Id, double Lat, double Lon, DateTimeOffset From, DateTimeOffset To);

    /// <summary>
    /// Intervals starting on, just before and just after week edges and mid-week, lasting nothing, three hours, exactly
    /// the bound, a second over it and forty days; placed within about 25 km of the centre, so the circle keeps some.
    /// </summary>
    private static List<Row> Rows()
    {
        var random = new Random(14);
        var rows = new List<Row>();
        for (var week = -8; week <= 56; week++)
        {
            foreach (var offset in new[] { -Second, TimeSpan.Zero, Second, TimeSpan.FromHours(84) })
            {
                foreach (var length in new[] { TimeSpan.Zero, TimeSpan.FromHours(3), NearTime.MaxSpan, NearTime.MaxSpan + Second, TimeSpan.FromDays(40) })
                {
                    var from = Monday + (week * Week) + offset;
                    rows.Add(new Row(Guid.NewGuid(), CentreLat + ((random.NextDouble() - 0.5) * 0.45), CentreLon + ((random.NextDouble() - 0.5) * 0.6), from, from + length));
                }
            }
        }
        return rows;
    }

    private static Observation Observation(Row row) => new()
    {
        Id = row.Id, ObservedFrom = row.From, ObservedTo = row.To, TimePrecision = TimePrecision.Exact, Latitude = row.Lat, Longitude = row.Lon,
        LocationPrecisionM = 100, Cell = Geohash.Encode(row.Lat, row.Lon), Category = Category.Explosion, Sensor = Sensor.Heard, Source = "Patrol A-1",
        Visibility = Visibility.Internal, ReceivedAt = row.To, ReporterId = Guid.NewGuid(),
    };

    private static Incident Incident(Row row) => new()
    {
        Id = row.Id, Title = "t", Category = Category.Explosion, Status = IncidentStatus.Reported, StartsAt = row.From, EndsAt = row.To,
        Latitude = row.Lat, Longitude = row.Lon, LocationPrecisionM = 100, Cell = Geohash.Encode(row.Lat, row.Lon), ObservationCount = 1, SourceCount = 1,
        Visibility = Visibility.Internal, CreatedAt = row.From, UpdatedAt = row.From,
    };

    private static async Task<Page<T>> PageAsync<T>(
        Store store, ListFilter filter, Func<TruceDb, Viewer, ListFilter, CancellationToken, Task<Result<Page<T>>>> list)
    {
        await using var db = store.Open();
        return (await list(db, Viewer.System, filter, default)).Value!;
    }

    private static async Task<List<Guid>> AllAsync<T>(
        Store store, ListFilter filter, Func<TruceDb, Viewer, ListFilter, CancellationToken, Task<Result<Page<T>>>> list)
        where T : IPlacedRecord
    {
        var ids = new List<Guid>();
        for (var number = 1; ; number++)
        {
            await using var db = store.Open();
            var page = (await list(db, Viewer.System, filter with { Paging = new Paging(number, PageSize) }, default)).Value!;
            ids.AddRange(page.Items.Select(r => r.Id));
            if (page.Items.Count < PageSize)
            {
                return [.. ids.Order()];
            }
        }
    }
}
