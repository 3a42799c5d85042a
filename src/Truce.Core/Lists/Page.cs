namespace Truce.Lists;

/// <summary>Where a page stands in its list, whatever it holds: what a pager shows.</summary>
public interface IPaged
{
    int PageNumber { get; }

    int PageCount { get; }

    int Total { get; }

    bool TotalIsLowerBound { get; }
}

/// <summary>A page of a list, numbered from 1, with the total the filters match.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total) : IPaged
{
    /// <summary>
    /// True when more than <see cref="Total"/> records match and the list stopped counting there (the gazetteer's
    /// search, <c>Gazetteer.Places.CountedUpTo</c>): "more than 1 000".
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>The pages there are, or when the total is a lower bound, the pages counted and one more to go on to.</summary>
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize + (TotalIsLowerBound ? 1 : 0);
}
