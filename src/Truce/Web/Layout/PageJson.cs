namespace Truce.Web;

/// <summary>
/// One page of a list as the API answers it, with what a client needs to ask for the next. When
/// <paramref name="TotalIsLowerBound"/> is true, more than <paramref name="Total"/> records match and the list stopped
/// counting there (the gazetteer's search counts up to 1 000 places).
/// </summary>
internal sealed record PageJson<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, int PageCount, bool TotalIsLowerBound = false);
