using System.Linq.Expressions;
using System.Numerics;

namespace Truce.Geo;

/// <summary>Cell ranges as a query both engines answer from the cell index.</summary>
public static class CellQuery
{
    /// <summary>Keeps the rows whose cell falls in one of the ranges (<c>cell &gt;= from AND cell &lt; to OR ...</c>).</summary>
    public static IQueryable<T> InCells<T>(this IQueryable<T> query, Expression<Func<T, string>> cell, IReadOnlyList<CellRange> ranges)
    {
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var zero = Expression.Constant(0);
        Expression? any = null;
        // EF compiles one plan per shape of the expression: padding the ranges to a power of two (repeating
        // the last, which selects nothing more) keeps the shapes to a handful instead of one per count.
        var padded = ranges.Count == 0 ? [] : ranges.Concat(Enumerable.Repeat(ranges[^1], (int)BitOperations.RoundUpToPowerOf2((uint)ranges.Count) - ranges.Count));
        foreach (var range in padded)
        {
            Expression test = Expression.GreaterThanOrEqual(Expression.Call(compare, cell.Body, Bound(range.From)), zero);
            if (range.To is { } to)
            {
                test = Expression.AndAlso(test, Expression.LessThan(Expression.Call(compare, cell.Body, Bound(to)), zero));
            }
            any = any is null ? test : Expression.OrElse(any, test);
        }
        return query.Where(Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), cell.Parameters));
    }

    // A captured value, as a closure would hold it, so that EF sends it as a parameter and reuses the plan.
    private static MemberExpression Bound(string value) =>
        Expression.Property(Expression.Constant(new Holder(value)), nameof(Holder.Value));

    private sealed record Holder(string Value);
}
