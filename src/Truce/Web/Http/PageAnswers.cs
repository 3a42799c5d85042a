using Truce.Lists;

namespace Truce.Web;

/// <summary>A listed page of records as the API answers it: plain JSON, or GeoJSON when the client asks for it.</summary>
internal static class PageAnswers
{
    public static IResult ToPageAnswer<T, TJson>(
        this Result<Page<T>> listed, HttpRequest request, Func<T, TJson> json, Func<T, TJson, GeoJson.Feature> feature) where TJson : notnull
    {
        if (listed.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var page = listed.Value!;
        if (GeoJson.Wanted(request))
        {
            return GeoJson.Result(new GeoJson.FeatureCollection(
                [.. page.Items.Select(item => feature(item, json(item)))], page.Total, page.PageNumber, page.PageSize)
            { TotalIsLowerBound = page.TotalIsLowerBound });
        }
        return TypedResults.Ok(new PageJson<TJson>([.. page.Items.Select(json)], page.PageNumber, page.PageSize, page.Total, page.PageCount, page.TotalIsLowerBound));
    }
}
