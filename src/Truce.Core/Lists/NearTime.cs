using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Lists;

/// <summary>
/// The time part of the key a near, bbox or zone query reads: the week in which a record's interval starts, so that a
/// 30-day window reads six weeks of its cells instead of their whole history. The engine computes it from the
/// record's own interval (a generated column, never written by Truce nor journaled), so that no write path can leave
/// it stale and <c>truce verify</c>, which compares what Truce wrote, is not concerned by it.
/// </summary>
public static class NearTime
{
    /// <summary>The shadow property (column <c>near_time</c>) on observations and incidents.</summary>
    public const string Property = "NearTime";

    /// <summary>
    /// The key of a record whose interval is longer than <see cref="MaxSpan"/>: every query reads it, so such a
    /// record is never missed, only read by windows it does not overlap (and dropped there by the time test).
    /// </summary>
    public const int Unbounded = 0;

    /// <summary>
    /// The width of a time bucket. A week: the near queries analysts ask are over days to months (the benchmark's are
    /// 30 days, which read six buckets); a year reads 54, still one seek per bucket and cell range.
    /// </summary>
    public static readonly TimeSpan Width = TimeSpan.FromDays(7);

    /// <summary>
    /// The longest interval kept in its starting week: a window must also read the buckets up to this long before it
    /// begins. Longer intervals (an imported event dated to a month, an incident that grew over weeks) are stored
    /// under <see cref="Unbounded"/>.
    /// </summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(7);

    /// <summary>
    /// At most this many buckets per query (about three years of weeks): a longer window, or one open at either end,
    /// reads the cells alone through <c>ix_observations_cell_covering</c>, as before the key existed.
    /// </summary>
    public const int MaxKeys = 160;

    /// <summary>The key of an interval: <see cref="Unbounded"/>, or its starting week counted from 0001-01-01 (from 1).</summary>
    public static int KeyOf(DateTimeOffset from, DateTimeOffset to) =>
        to - from > MaxSpan ? Unbounded : Week(from.UtcTicks);

    /// <summary>
    /// The keys under which a record overlapping the window may be stored: <see cref="Unbounded"/> and the weeks from
    /// <see cref="MaxSpan"/> before the window's start to its end; null when the window is open or too long to enumerate.
    /// </summary>
    public static IReadOnlyList<int>? Keys(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is not { } start || to is not { } end)
        {
            return null;
        }
        if (end < start)
        {
            return [Unbounded];
        }
        var first = Week(Math.Max(0, start.UtcTicks - MaxSpan.Ticks));
        var last = Week(end.UtcTicks);
        return last - first + 1 > MaxKeys ? null : [Unbounded, .. Enumerable.Range(first, last - first + 1)];
    }

    private static int Week(long utcTicks) => (int)(utcTicks / Width.Ticks) + 1;

    /// <summary>
    /// The generated column and the covering index that leads with it, on observations and incidents. The engine
    /// computes the key from the record's interval in its own SQL (instants are UTC ticks on SQLite, timestamptz on
    /// PostgreSQL); <c>NearTimeTests</c> checks both engines against <see cref="KeyOf"/>.
    /// </summary>
    public static void Configure(ModelBuilder model, Engine engine)
    {
        var observations = model.Entity<Observation>();
        observations.Property<int>(Property).HasComputedColumnSql(Sql(engine, "observed_from", "observed_to"), stored: engine == Engine.Postgres);
        observations.HasIndex(Property, nameof(Observation.Cell), nameof(Observation.ObservedFrom), nameof(Observation.ObservedTo),
            nameof(Observation.Latitude), nameof(Observation.Longitude), nameof(Observation.Id)).HasDatabaseName("ix_observations_near_time_covering");
        var incidents = model.Entity<Incident>();
        incidents.Property<int>(Property).HasComputedColumnSql(Sql(engine, "starts_at", "ends_at"), stored: engine == Engine.Postgres);
        incidents.HasIndex(Property, nameof(Incident.Cell), nameof(Incident.StartsAt), nameof(Incident.EndsAt),
            nameof(Incident.Latitude), nameof(Incident.Longitude), nameof(Incident.Id)).HasDatabaseName("ix_incidents_near_time_covering");
    }

    /// <summary><see cref="KeyOf"/> in the engine's SQL. SQLite adds a virtual column (ALTER TABLE cannot add a stored one); its index holds the values.</summary>
    private static string Sql(Engine engine, string from, string to)
    {
        var unixEpochSeconds = DateTimeOffset.UnixEpoch.UtcTicks / TimeSpan.TicksPerSecond;
        return engine == Engine.Sqlite
            ? string.Create(CultureInfo.InvariantCulture,
                $"CASE WHEN \"{to}\" - \"{from}\" > {MaxSpan.Ticks} THEN {Unbounded} ELSE \"{from}\" / {Width.Ticks} + 1 END")
            : string.Create(CultureInfo.InvariantCulture,
                $"CASE WHEN \"{to}\" - \"{from}\" > interval '{(long)MaxSpan.TotalSeconds} seconds' THEN {Unbounded} " +
                $"ELSE floor((extract(epoch from \"{from}\" at time zone 'UTC') + {unixEpochSeconds}) / {(long)Width.TotalSeconds})::integer + 1 END");
    }
}
