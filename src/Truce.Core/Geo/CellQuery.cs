using System.Linq.Expressions;

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
        foreach (var range in ranges)
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
