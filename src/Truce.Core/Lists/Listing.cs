using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Geo;
using Truce.Storage;

namespace Truce.Lists;

/// <summary>The one way a list of records is read: visible to the viewer, filtered, paged, newest first, disclosed.</summary>
public static class Listing
{
    /// <summary>
    /// A page of the records of one type that the viewer may see and the filter matches, newest first by
    /// <paramref name="listedAt"/> (then by id), each as the viewer may read it. <paramref name="matching"/> applies
    /// the type's own filters (category, time, party...); near, bbox and zone are applied here, exactly, and a site
    /// or zone that does not exist is refused. A spatial list over a closed window counts exactly up to
    /// <see cref="SpatialFilter.CountedUpTo"/> matches; past it the total is a lower bound.
    /// </summary>
    public static async Task<Result<Page<T>>> PageAsync<T>(
        TruceDb db, Viewer viewer, ListFilter filter, Func<IQueryable<T>, ListFilter, IQueryable<T>> matching,
        Expression<Func<T, DateTimeOffset>> listedAt, CancellationToken cancellationToken = default)
        where T : class, IHasVisibility, IPlacedRecord
    {
        var areas = await SpatialFilter.AreasAsync(db, filter, cancellationToken);
        if (areas.Failure is { } unknown)
        {
            return unknown;
        }
        var rows = db.Set<T>().AsNoTracking();
        Page<T> page;
        if (areas.Value!.Count > 0)
        {
            // Candidates come from the window's weeks of the cells, newest first, when the window is closed and short
            // enough to enumerate.
            IQueryable<T> CandidatesIn(IReadOnlyList<int>? keys, IReadOnlyList<CellRange> ranges) =>
                matching(NearTime.Within<T>(db, keys, ranges).AsNoTracking().VisibleTo(viewer), filter);
            (IReadOnlyList<int> Keys, DateTimeOffset To)? window = NearTime.Keys(filter.From, filter.To) is { } keys ? (keys, filter.To!.Value) : null;
            page = await SpatialFilter.PageWithinAsync(CandidatesIn, window, rows, areas.Value, filter.Paging,
                LocatedBy(listedAt), viewer, db.PublicPrecisionM, cancellationToken);
        }
        else
        {
            var query = matching(rows.VisibleTo(viewer), filter);
            var total = await query.CountAsync(cancellationToken);
            var items = await query.OrderByDescending(listedAt).ThenBy(r => r.Id)
                .Skip(filter.Paging.Skip).Take(filter.Paging.Size).ToListAsync(cancellationToken);
            page = new Page<T>(items, filter.Paging.Number, filter.Paging.Size, total);
        }
        // The public sees positions snapped to the grid, on a spatial page as on any other.
        return page with { Items = [.. page.Items.Select(r => viewer.Disclose(r, db.PublicPrecisionM))] };
    }

    /// <summary><c>r => new Located(r.Id, listedAt(r), r.Latitude, r.Longitude)</c>, for the query to read from the covering index.</summary>
    private static Expression<Func<T, Located>> LocatedBy<T>(Expression<Func<T, DateTimeOffset>> listedAt)
    {
        var record = listedAt.Parameters[0];
        var create = typeof(Located).GetConstructor([typeof(Guid), typeof(DateTimeOffset), typeof(double), typeof(double)])!;
        return Expression.Lambda<Func<T, Located>>(
            Expression.New(create,
                Expression.Property(record, nameof(IPlacedRecord.Id)),
                listedAt.Body,
                Expression.Property(record, nameof(IPlacedRecord.Latitude)),
                Expression.Property(record, nameof(IPlacedRecord.Longitude))),
            record);
    }
}
