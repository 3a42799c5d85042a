using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Gazetteer;
using Truce.Lists;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The gazetteer: search places by any of their names, one place with its names and surroundings, the map's layer.</summary>
internal static class PlaceEndpoints
{
    /// <summary>The most places the map's layer draws at once (the most populous first).</summary>
    public const int MapLimit = 1_000;

    public static void MapPlaces(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/places").WithTags("Places").Allow(AccessRule.Anyone);
        api.MapGet("/", Search).Produces<PageJson<PlaceJson>>().Reads(QueryParameter.Text, QueryParameter.Lang, QueryParameter.Page, QueryParameter.PageSize)
            .WithSummary("Search places by any of their names (prefix, insensitive to case, diacritics and common transliterations: q=Lacin finds Laçın). name is the one lang (a BCP 47 tag; default: Accept-Language) prefers; paging: page, pageSize.");
        api.MapGet("/map", Layer).Reads(QueryParameter.Bbox)
            .WithSummary("The populated places inside bbox=W,S,E,N (default: all), the most populous first, at most 1000, as GeoJSON points named in the viewer's language.");
        api.MapGet("/{id}", Get).Reads(QueryParameter.Lang).WithSummary("One place with all its names, and the observations and incidents within 5 km that the viewer may see.");

        var pages = app.MapGroup("/places").ExcludeFromDescription().Allow(AccessRule.Anyone);
        pages.MapGet("/", SearchPage);
        pages.MapGet("/{id}", DetailPage);
    }

    private static async Task<IResult> Search(HttpRequest request, TruceDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = Paging.Parse(request.Query["page"].FirstOrDefault(), request.Query["pageSize"].FirstOrDefault(), errors);
        var culture = Culture(request.Query["lang"].FirstOrDefault(), errors);
        if (errors.Any)
        {
            return Refused(errors).ToProblem();
        }
        var found = await Places.SearchAsync(db, request.Query["q"].FirstOrDefault(), paging, cancellationToken);
        return found.ToPageAnswer(request, hit => PlaceJson.From(hit, culture), (hit, json) => GeoJson.At(hit.Place.Id, hit.Place.Latitude, hit.Place.Longitude, json));
    }

    private static async Task<Results<Ok<PlaceDetailJson>, ProblemHttpResult>> Get(
        string id, HttpRequest request, Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var culture = Culture(request.Query["lang"].FirstOrDefault(), errors);
        if (errors.Any)
        {
            return Refused(errors).ToProblem();
        }
        return await PlaceAround.LoadAsync(db, viewer, id, cancellationToken) is { } around
            ? TypedResults.Ok(PlaceDetailJson.From(around, culture))
            : Problems.NotFound("The place");
    }

    private static async Task<IResult> Layer(HttpRequest request, TruceDb db, CancellationToken cancellationToken)
    {
        var filter = ListFilter.Parse(name => name == "bbox" ? request.Query[name].FirstOrDefault() : null);
        if (filter.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var places = await Places.InBoxAsync(db, filter.Value!.Bbox ?? (-180, -90, 180, 90), MapLimit, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        return GeoJson.Result(new GeoJson.FeatureCollection(
            [.. places.Select(hit => GeoJson.At(hit.Place.Id, hit.Place.Latitude, hit.Place.Longitude, new { Name = hit.NameFor(culture), Kind = Slug.Of(hit.Place.Kind) }))],
            places.Count, 1, MapLimit));
    }

    private static async Task<RazorComponentResult> SearchPage(HttpRequest request, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var query = request.Query["q"].FirstOrDefault();
        var link = ListPageQuery.PageLink(request, "/places");
        var culture = CultureInfo.CurrentUICulture;
        if (string.IsNullOrWhiteSpace(query))
        {
            return new PlaceSearchModel(chrome, query, null, link, null, culture).Render();
        }
        var errors = new FieldErrors();
        var paging = Paging.Parse(request.Query["page"].FirstOrDefault(), null, errors);
        var found = errors.Any ? Refused(errors) : await Places.SearchAsync(db, query, paging, cancellationToken);
        return new PlaceSearchModel(chrome, query, found.Value, link, found.Failure, culture).Render();
    }

    private static async Task<RazorComponentResult> DetailPage(string id, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
        await PlaceAround.LoadAsync(db, chrome.Viewer, id, cancellationToken) is { } around
            ? new PlaceDetailModel(chrome, around, CultureInfo.CurrentUICulture).Render()
            : new NotFoundModel(chrome, "NotFound.Place").Render(StatusCodes.Status404NotFound);

    /// <summary>A query parameter not understood: a 400 like every list's (ListFilter).</summary>
    private static Failure Refused(FieldErrors errors) => errors.ToFailure($"The list parameters are invalid.") with { Kind = FailureKind.Malformed };

    /// <summary>The culture a lang parameter names, or the request's own (Accept-Language, cookie, account) without one.</summary>
    private static CultureInfo Culture(string? lang, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return CultureInfo.CurrentUICulture;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(lang.Trim(), predefinedOnly: true);
            if (culture.TwoLetterISOLanguageName.Length > 0 && culture.Name.Length > 0)
            {
                return culture;
            }
        }
        catch (CultureNotFoundException)
        {
            // Answered below as the parameter's error.
        }
        errors.Add("lang", $"is not a language tag (BCP 47) such as en, ru, hy or az.");
        return CultureInfo.CurrentUICulture;
    }
}
