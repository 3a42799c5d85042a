using System.Linq.Expressions;

namespace Truce.Lists;

/// <summary>A list filter's fields as conditions of a query: a field left empty adds none.</summary>
public static class ListQuery
{
    public static IQueryable<T> WhereGiven<T, TValue>(this IQueryable<T> query, TValue? value, Func<TValue, Expression<Func<T, bool>>> test)
        where TValue : struct =>
        value is { } given ? query.Where(test(given)) : query;

    public static IQueryable<T> WhereGiven<T, TValue>(this IQueryable<T> query, TValue? value, Func<TValue, Expression<Func<T, bool>>> test)
        where TValue : class =>
        value is { } given ? query.Where(test(given)) : query;
}
