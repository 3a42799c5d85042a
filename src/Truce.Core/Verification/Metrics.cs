using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Geo;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Verification;

public enum MetricGrouping
{
    Day,
    Zone,
    Category,
    Party,
}

/// <summary>One line of a metrics table: a day, zone, category or party, its count and the previous period's.</summary>
public sealed record MetricRow(string Key, string Label, int Count, int Previous)
{
    public int Change => Count - Previous;
}

/// <summary>Violation counts for a period beside the previous period of the same length, as a monitoring mission reports them.</summary>
public sealed record MetricReport(
    DateTimeOffset From, DateTimeOffset To, DateTimeOffset PreviousFrom, MetricGrouping GroupBy, IReadOnlyList<IncidentStatus> Statuses,
    IReadOnlyList<MetricRow> Rows, int Total, int PreviousTotal, int Explosions)
{
    /// <summary>The daily report's opening sentence.</summary>
    public string Summary =>
        $"Recorded {Total} ceasefire {(Total == 1 ? "violation" : "violations")}, including {Explosions} {(Explosions == 1 ? "explosion" : "explosions")}, against {PreviousTotal} in the previous period.";
}

/// <summary>
/// Counts of incidents per day, zone, category or alleged party. As monitoring missions report, an incident
/// counts when its status is verified or under review (reported, unverifiable, disputed and rejected ones
/// do not), unless the query names statuses; it counts in the period its start falls in, [from, to).
/// </summary>
public static class Metrics
{
    public static readonly IReadOnlyList<IncidentStatus> DefaultStatuses = [IncidentStatus.Verified, IncidentStatus.UnderReview];

    /// <summary>The period a report covers when the query names none: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    /// <summary>The longest period one report may span.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(3660);

    public static async Task<Result<MetricReport>> ComputeAsync(
        TruceDb db, Viewer viewer, DateTimeOffset? from, DateTimeOffset? to, MetricGrouping groupBy, IReadOnlyList<IncidentStatus>? statuses,
        CancellationToken cancellationToken = default)
    {
        // By default the last DefaultDays days in UTC, today included: the API and the page open on the same period.
        var end = to ?? new DateTimeOffset(Instant.Now(db.Clock).UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var start = from ?? end.AddDays(-DefaultDays);
        if (end <= start)
        {
            return Failure.Field(FailureKind.Malformed, "to", $"must be after from.");
        }
        if (end - start > MaxPeriod)
        {
            return Failure.Field(FailureKind.Malformed, "from", $"the period may be at most ten years.");
        }
        var previousFrom = start - (end - start);
        var counted = statuses is { Count: > 0 } ? statuses : DefaultStatuses;
        var incidents = await db.Incidents.AsNoTracking().VisibleTo(viewer)
            .Where(i => i.StartsAt >= previousFrom && i.StartsAt < end && counted.Contains(i.Status))
            .Select(i => new { i.StartsAt, i.Category, i.AttributedPartyId, i.Latitude, i.Longitude })
            .ToListAsync(cancellationToken);
        var current = incidents.Where(i => i.StartsAt >= start).ToList();
        var previous = incidents.Where(i => i.StartsAt < start).ToList();

        Func<DateTimeOffset, Category, string?, double, double, (string Key, string Label)> key;
        var order = new List<(string Key, string Label)>();
        switch (groupBy)
        {
            case MetricGrouping.Day:
                // A day of the previous period is compared with the day one period length later.
                key = (at, _, _, _, _) =>
                {
                    var day = (at >= start ? at : at + (end - start)).UtcDateTime.Date;
                    var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return (text, text);
                };
                for (var day = start.UtcDateTime.Date; day < end.UtcDateTime; day = day.AddDays(1))
                {
                    var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    order.Add((text, text));
                }
                break;
            case MetricGrouping.Zone:
                var zones = (await db.Zones.AsNoTracking().OrderBy(z => z.Id).ToListAsync(cancellationToken))
                    .Select(z => (z.Id, z.Name, Area: Area.Polygon(SpatialFilter.ReadGeometry(z.GeometryJson)))).ToList();
                // Placed where the viewer is shown it, as the list's zone filter does: the public's coarsened position.
                var seenAs = Located.AsSeenBy(viewer, db.PublicPrecisionM);
                key = (at, _, _, lat, lon) => seenAs(new Located(Guid.Empty, at, lat, lon)) is var shown
                    && zones.FirstOrDefault(z => z.Area.Contains(shown.Latitude, shown.Longitude)) is { Id: not null } z ? (z.Id, z.Name) : ("", "Outside every zone");
                order.AddRange(zones.Select(z => (z.Id, z.Name)));
                break;
            case MetricGrouping.Category:
                key = (_, category, _, _, _) => (Slug.Of(category), category.Label());
                order.AddRange(Enum.GetValues<Category>().Select(c => (Slug.Of(c), c.Label())));
                break;
            default:
                var parties = await db.Parties.AsNoTracking().OrderBy(p => p.Id).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
                key = (_, _, party, _, _) => party is null ? ("", "Not attributed") : (party, parties.GetValueOrDefault(party, party));
                order.AddRange(parties.Select(p => (p.Key, p.Value)));
                break;
        }
        var now = current.GroupBy(i => key(i.StartsAt, i.Category, i.AttributedPartyId, i.Latitude, i.Longitude)).ToDictionary(g => g.Key, g => g.Count());
        var before = previous.GroupBy(i => key(i.StartsAt, i.Category, i.AttributedPartyId, i.Latitude, i.Longitude)).ToDictionary(g => g.Key, g => g.Count());
        var keys = order.Concat(now.Keys).Concat(before.Keys).Distinct().ToList();
        var rows = keys.Select(k => new MetricRow(k.Key, k.Label, now.GetValueOrDefault(k), before.GetValueOrDefault(k)))
            .Where(r => groupBy == MetricGrouping.Day || r.Count > 0 || r.Previous > 0 || order.Contains((r.Key, r.Label)))
            .ToList();
        return new MetricReport(start, end, previousFrom, groupBy, counted, rows, current.Count, previous.Count,
            current.Count(i => i.Category == Category.Explosion));
    }
}

/// <summary>The parameters of a metrics report, from a query string or a form.</summary>
public sealed record MetricQuery(DateTimeOffset? From, DateTimeOffset? To, MetricGrouping GroupBy, IReadOnlyList<IncidentStatus> Statuses)
{
    /// <summary>Reads from, to, groupBy (day, zone, category, party) and status (comma-separated; "any" for every status).</summary>
    public static Result<MetricQuery> Parse(Func<string, string?> query)
    {
        var errors = new FieldErrors();
        var (from, to) = Submission.ParsePeriod(query("from"), query("to"), errors);
        // A report's period is half-open [from, to): a plain date in to ends at the next midnight, as the default period
        // (today included) does, so the page's own form, which shows the last day counted, reads back the same period.
        if (to is { } lastMicrosecond && Submission.IsPlainDate(query("to")))
        {
            to = lastMicrosecond.AddTicks(TimeSpan.TicksPerMicrosecond);
        }
        var groupBy = Submission.Choice<MetricGrouping>(query("groupBy"), "groupBy", errors, MetricGrouping.Day) ?? MetricGrouping.Day;
        var statuses = new List<IncidentStatus>();
        if (query("status") is { Length: > 0 } text)
        {
            if (text == "any")
            {
                statuses.AddRange(Enum.GetValues<IncidentStatus>());
            }
            else
            {
                foreach (var slug in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (Submission.Choice<IncidentStatus>(slug, "status", errors) is { } status)
                    {
                        statuses.Add(status);
                    }
                }
            }
        }
        return errors.Any
            ? errors.ToFailure($"The metrics parameters are invalid.") with { Kind = FailureKind.Malformed }
            : new MetricQuery(from, to, groupBy, statuses);
    }
}
