using Truce.Lists;
using Truce.Monitoring;

namespace Truce.Web;

/// <summary>The list pages' query string: the API's filters, read as a form sends them, and links to other pages of the list.</summary>
internal static class ListPageQuery
{
    /// <summary>
    /// An empty field is no filter; a date from the form's date picker is read as the API reads one (the whole of
    /// that day in UTC, by <see cref="Submission.ParsePeriod"/>).
    /// </summary>
    public static Result<ListFilter> Filter(HttpRequest request) =>
        ListFilter.Parse(name => request.Query[name].FirstOrDefault() is { Length: > 0 } value ? value : null);

    /// <summary>The same list with the same filters, at another page number.</summary>
    public static Func<int, string> PageLink(HttpRequest request, string path) => number =>
    {
        var query = request.Query.Where(q => q.Key != "page").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        return $"{path}?{string.Join('&', query.Append($"page={number}"))}";
    };
}
