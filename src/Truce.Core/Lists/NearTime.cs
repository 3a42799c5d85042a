using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Truce.Geo;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Lists;

/// <summary>
/// The time part of the key a near, bbox or zone query reads: the week in which a record's interval starts, so that a
/// 30-day window reads six weeks of its cells instead of their whole history. Observations and incidents derive it
/// from their interval in their <c>NearTimeKey</c> property, the one place it is computed, so it is stored and journaled
/// with the interval through every write path. Rows written before the column existed hold 0, <see cref="Unbounded"/>,
/// which every query reads: they are never missed, only read as before until they are next written.
/// </summary>
public static class NearTime
{
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

    /// <summary>The weeks among a window's keys (from <see cref="Keys"/>), newest first: the order a list reads them in.</summary>
    public static IReadOnlyList<int> WeeksNewestFirst(IReadOnlyList<int> keys) => [.. keys.Where(k => k != Unbounded).OrderDescending()];

    /// <summary>
    /// When a week begins. A record is keyed by the week its interval starts in, the time its lists order by, so once a
    /// list has read the weeks from the newest to this one (and the unbounded key), it has every record listed at or
    /// after this instant.
    /// </summary>
    public static DateTimeOffset StartOf(int week) => new((week - 1) * Width.Ticks, TimeSpan.Zero);

    /// <summary>
    /// How many of the <paramref name="weeksLeft"/> weeks a list reads next, newest first, having read
    /// <paramref name="weeksRead"/> weeks, which cover <paramref name="spanRead"/> of the window (the newest is often
    /// only partly inside it) and held <paramref name="found"/> matches, when it still wants <paramref name="wanted"/>
    /// more. First the newest week; then as many as the rate so far predicts for what is wanted, a quarter over, and
    /// at least as many again as were read; all that are left when the weeks read held nothing. So a busy window stops
    /// after a statement or two, a quiet one reads the rest in its second, and none takes more statements than
    /// doubling would.
    /// </summary>
    public static int NextBatch(int weeksRead, TimeSpan spanRead, int weeksLeft, int found, int wanted)
    {
        if (weeksRead == 0)
        {
            return Math.Min(1, weeksLeft);
        }
        if (found == 0)
        {
            return weeksLeft;
        }
        var predicted = Math.Ceiling(1.25 * wanted * (spanRead / Width) / found);
        return Math.Clamp(Math.Max((int)Math.Min(weeksLeft, predicted), weeksRead), 1, weeksLeft);
    }

    /// <summary>
    /// The records of type <typeparamref name="T"/> in the cell ranges, read by the ranges alone when the window gives no
    /// keys, else stored under one of the keys: one seek of the covering index per key and range
    /// (the keys-by-ranges list drives the loop, as <c>ObservationsIn</c> does for the import's windows).
    /// </summary>
    public static IQueryable<T> Within<T>(TruceDb db, IReadOnlyList<int>? keys, IReadOnlyList<CellRange> ranges)
        where T : class, IPlacedRecord
    {
        if (keys is null)
        {
            return db.Set<T>().InCells(r => r.Cell, ranges);
        }
        var type = db.Model.FindEntityType(typeof(T))!;
        var key = type.FindProperty(nameof(Observation.NearTimeKey))
            ?? throw new InvalidOperationException($"{type.DisplayName()} has no near-time key to read a window's weeks by.");
        var pairs = keys.SelectMany(k => ranges.Select(r => (Key: k, From: r.From, To: r.To ?? CellWindow.End))).ToList();
        // The names come from the model, never from a request.
        var (table, column) = (type.GetTableName(), key.GetColumnName());
        if (db.Engine == Engine.Postgres)
        {
            // The lateral subquery with OFFSET 0 is not flattened, so the planner probes the index once per pair.
            var lateral = $"""
                SELECT o.* FROM unnest(@near_keys, @near_from, @near_to) AS w(near_time, cell_from, cell_to)
                CROSS JOIN LATERAL (SELECT * FROM "{table}" AS n WHERE n.{column} = w.near_time AND n.cell >= w.cell_from AND n.cell < w.cell_to OFFSET 0) AS o
                """;
            return db.Set<T>().FromSqlRaw(
                lateral,
                new NpgsqlParameter("near_keys", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = pairs.Select(p => p.Key).ToArray() },
                new NpgsqlParameter("near_from", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pairs.Select(p => p.From).ToArray() },
                new NpgsqlParameter("near_to", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = pairs.Select(p => p.To).ToArray() });
        }
        // json_each drives the loop (CROSS JOIN keeps it outside). INDEXED BY: given the cell's covering index beside it,
        // SQLite's planner may take that one (a range of the cell over all time) over the key's, as its plan on a store
        // without statistics shows.
        var json = JsonSerializer.Serialize(pairs.Select(p => new object[] { p.Key, p.From, p.To }));
        var joined = $$"""
            SELECT o.* FROM json_each({0}) AS w CROSS JOIN "{{table}}" AS o INDEXED BY "{{key.GetContainingIndexes().Single().GetDatabaseName()}}"
            WHERE o.{{column}} = w.value ->> 0 AND o.cell >= w.value ->> 1 AND o.cell < w.value ->> 2
            """;
        return db.Set<T>().FromSqlRaw(joined, json);
    }

    private static int Week(long utcTicks) => (int)(utcTicks / Width.Ticks) + 1;
}
