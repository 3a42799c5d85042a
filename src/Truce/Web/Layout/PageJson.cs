namespace Truce.Web;

/// <summary>One page of a list as the API answers it, with what a client needs to ask for the next.</summary>
internal sealed record PageJson<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, int PageCount);
