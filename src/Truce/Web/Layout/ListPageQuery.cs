using Truce.Lists;
using Truce.Monitoring;

namespace Truce.Web;

/// <summary>The list pages' query string: the API's filters, read as a form sends them, and links to other pages of the list.</summary>
internal static class ListPageQuery
{
    /// <summary>A date from the form's date picker counts as the whole of that day in UTC; an empty field as no filter.</summary>
    public static Result<ListFilter> Filter(HttpRequest request) => ListFilter.Parse(name =>
    {
        var value = request.Query[name].FirstOrDefault();
        return (name, value) switch
        {
            (_, null or "") => null,
            ("from", { Length: 10 }) => value + "T00:00:00Z",
            ("to", { Length: 10 }) => value + "T23:59:59.999999Z",
            _ => value,
        };
    });

    /// <summary>The same list with the same filters, at another page number.</summary>
    public static Func<int, string> PageLink(HttpRequest request, string path) => number =>
    {
        var query = request.Query.Where(q => q.Key != "page").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        return $"{path}?{string.Join('&', query.Append($"page={number}"))}";
    };
}
