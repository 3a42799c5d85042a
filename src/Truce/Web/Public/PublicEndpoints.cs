using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Truce.Access;
using Truce.PublicMap;
using Truce.Reports;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The public site, no sign-in: the latest reports, each report with related ones and comments, the archive by month,
/// the Atom feeds, each report as a PDF; and the published reports as JSON. Everything here shows published reports only,
/// whoever asks: the mission's drafts are on its own pages (<see cref="ReportEndpoints"/>).
/// </summary>
internal static class PublicEndpoints
{
    /// <summary>The rate limit of comments, per client address (<see cref="TruceSettings.CommentsPerHour"/>; 0 turns it off).</summary>
    public const string CommentLimit = "comments";

    public static IServiceCollection AddPublicSite(this IServiceCollection services, TruceSettings settings) =>
        services.AddSingleton<PublicCache>().AddOutputCache(JournalVersionPolicy.Configure).Configure<RateLimiterOptions>(options => options.AddPolicy(CommentLimit, context =>
        {
            var address = ClientAddress.Of(context);
            return settings.CommentsPerHour <= 0
                ? RateLimitPartition.GetNoLimiter(address)
                : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.CommentsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0,
                });
        }));

    /// <summary>Where the public pages' language form posts (<see cref="Shell.Shared"/>).</summary>
    public const string LanguagePath = "/public/language";

    public static void MapPublic(this IEndpointRouteBuilder app)
    {
        // Every GET is served from the output cache until the journal moves (JournalVersionPolicy); POSTs never are.
        var pages = app.MapGroup("/public").ExcludeFromDescription().Allow(AccessRule.Anyone).CacheOutput(JournalVersionPolicy.Name);
        pages.MapGet("", Home);
        // ?comment=held: back from sending a comment, which the page says is waiting for a moderator.
        pages.MapGet("/reports/{report:guid}", (Guid report, HttpRequest request, Chrome chrome, TruceDb db, PublicCache cache, CancellationToken cancellationToken) =>
            ReportPage(report, chrome, db, cache, null, request.Query["comment"] == "held", null, cancellationToken));
        pages.MapPost("/reports/{report:guid}/comments", Comment)
            // Anonymous and acting in nobody's name, so a forged post gains nothing a direct one would not: the honeypot,
            // the rate limit and moderation guard it instead, and the report page needs no per-visitor token.
            .DisableAntiforgery().RequireRateLimiting(CommentLimit);
        pages.MapGet("/archive", Archive);
        pages.MapGet("/search", Search);
        pages.MapGet("/feed.atom", Feed);
        pages.MapGet("/reports/{report:guid}/pdf", Pdf);
        pages.MapGet("/map", Map);
        // The page's bytes are shared by every visitor, so its language form carries no token; all it can change is the
        // language cookie of whoever posts it (a signed-in viewer's pages use /language, which also keeps it on the account).
        pages.MapPost("/language", (HttpContext context, IFormCollection form, TruceSettings settings) =>
                LanguageEndpoints.Remember(context.Response, form["language"].ToString().Trim(), settings) is { } refused
                    ? (IResult)refused.ToProblem()
                    : TypedResults.LocalRedirect(AccountEndpoints.LocalTarget(form["returnUrl"].ToString())))
            .DisableAntiforgery();
        app.MapGet("/api/public/grid", Grid).WithTags("Reports").Allow(AccessRule.Anyone).CacheOutput(JournalVersionPolicy.Name)
            .WithSummary("The public map as GeoJSON: verified public incidents counted per square of Public:GridKm km (or ?km=), at the positions the public is shown; squares under Public:GridMinCount are withheld.");

        var api = app.MapGroup("/api/reports").WithTags("Reports").Allow(AccessRule.Anyone);
        api.MapGet("/", async (Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await Reports.Reports.ListAsync(db, viewer, cancellationToken)).Select(ReportJson.Of)))
            .WithSummary("The situation reports the caller may see, newest period first: the published ones (the mission also sees drafts and reports in review; the parties those in review).");
        api.MapGet("/{report:guid}", (Guid report, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                Reports.Reports.GetAsync(db, viewer, report, cancellationToken).ToOkAsync(ReportJson.Of)).WithSummary("One situation report with its figures, as the caller may see it.");
    }

    private static async Task<IResult> Map(Chrome chrome, TruceDb db, PublicCache cache, TruceSettings settings, CancellationToken cancellationToken)
    {
        var grid = (await cache.GetAsync(db, cancellationToken)).Grid;
        return grid.Failure is null ? new PublicMapModel(chrome, grid.Value!, settings.TileUrl).Render() : grid.Failure.ToProblem();
    }

    /// <summary>The mission's grid from the cache; another <c>?km=</c> is counted from the store.</summary>
    private static async Task<IResult> Grid(HttpRequest request, TruceDb db, PublicCache cache, TruceSettings settings, CancellationToken cancellationToken)
    {
        Result<GridCounts> grid;
        if (!request.Query.TryGetValue("km", out var given))
        {
            grid = (await cache.GetAsync(db, cancellationToken)).Grid;
        }
        else
        {
            var km = double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out var asked) ? asked : double.NaN;
            grid = await PublicGrid.CountAsync(db, km, settings.GridMinCount, cancellationToken);
        }
        return grid.Failure is null ? TypedResults.Json(GridJson.From(grid.Value!), contentType: GeoJson.MediaType) : grid.Failure.ToProblem();
    }

    private static async Task<RazorComponentResult> Home(Chrome chrome, TruceDb db, PublicCache cache, CancellationToken cancellationToken) =>
        new PublicHomeModel(chrome, [.. (await cache.GetAsync(db, cancellationToken)).Published.Take(10)]).Render();

    public static async Task<RazorComponentResult> ReportPage(
        Guid id, Chrome chrome, TruceDb db, PublicCache cache, CommentInput? typed, bool held, Failure? problem, CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(db, cancellationToken);
        var published = snapshot.Published;
        if (published.FirstOrDefault(r => r.Id == id) is not { } report)
        {
            return new NotFoundModel(chrome, "NotFound.Report").Render(StatusCodes.Status404NotFound);
        }
        return new PublicReportModel(chrome, report, Reports.Reports.Figures(report), snapshot.Parties, ReportRules.Related(report, published, 5),
            published.FirstOrDefault(r => r.Id == report.CorrectsId), published.FirstOrDefault(r => r.CorrectsId == report.Id),
            [.. snapshot.Comments[report.Id]], typed, held, problem).Render();
    }

    /// <summary>A comment is held; the visitor is sent back to the report, told so. A refusal shows the page again with what was typed.</summary>
    private static async Task<IResult> Comment(Guid report, IFormCollection form, Chrome chrome, TruceDb db, PublicCache cache, CancellationToken cancellationToken)
    {
        var input = new CommentInput(form["name"], form["text"], form["website"]);
        var sent = await Comments.SubmitAsync(db, report, input, cancellationToken);
        if (sent.Failure is { } failure)
        {
            return await ReportPage(report, chrome, db, cache, input, false, failure, cancellationToken);
        }
        return TypedResults.Redirect($"/public/reports/{report}?comment=held#comments");
    }

    private static async Task<RazorComponentResult> Archive(HttpRequest request, Chrome chrome, TruceDb db, PublicCache cache, CancellationToken cancellationToken)
    {
        var published = (await cache.GetAsync(db, cancellationToken)).Published;
        var months = published.Select(r => new DateOnly(r.PeriodFrom.Year, r.PeriodFrom.Month, 1)).Distinct().OrderDescending().ToList();
        Failure? problem = null;
        var month = months.FirstOrDefault(new DateOnly(db.Clock.GetUtcNow().Year, db.Clock.GetUtcNow().Month, 1));
        if (request.Query["month"].FirstOrDefault() is { Length: > 0 } text)
        {
            if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked))
            {
                month = asked;
            }
            else
            {
                problem = Failure.Field(FailureKind.Malformed, "month", $"must be a month as yyyy-MM.");
            }
        }
        var reports = published.Where(r => r.PeriodFrom.Year == month.Year && r.PeriodFrom.Month == month.Month).ToList();
        return new PublicArchiveModel(chrome, month, reports, months, problem).Render();
    }

    private static async Task<RazorComponentResult> Search(HttpRequest request, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var query = request.Query["q"].FirstOrDefault() ?? "";
        var found = await ReportSearch.SearchAsync(db, query, cancellationToken);
        return new PublicSearchModel(chrome, query, found.Value ?? [], found.Failure).Render();
    }

    private static async Task<IResult> Feed(HttpRequest request, TruceDb db, PublicCache cache, IStringLocalizer<PageText> text, CancellationToken cancellationToken)
    {
        var zone = request.Query["zone"].FirstOrDefault();
        var topic = request.Query["topic"].FirstOrDefault();
        var snapshot = await cache.GetAsync(db, cancellationToken);
        var selected = snapshot.Published
            .Where(r => zone is not { Length: > 0 } || ReportRules.Words(r.Zones).Contains(zone))
            .Where(r => topic is not { Length: > 0 } || ReportRules.Words(r.Topics).Contains(topic))
            .Take(50).ToList();
        var bytes = ReportFeed.Atom(text, snapshot.MissionName, $"{request.Scheme}://{request.Host}", request.Path + request.QueryString, selected, zone, topic);
        return TypedResults.Bytes(bytes, "application/atom+xml; charset=utf-8");
    }

    private static async Task<IResult> Pdf(Guid report, TruceDb db, PublicCache cache, IStringLocalizer<PageText> text, CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(db, cancellationToken);
        if (snapshot.Published.FirstOrDefault(r => r.Id == report) is not { } found)
        {
            return Failure.NotFound("The report").ToProblem();
        }
        return TypedResults.File(ReportPdf.Write(text, snapshot.MissionName, found, Reports.Reports.Figures(found), snapshot.Parties), "application/pdf",
            $"{ReportRules.Title(found).Replace(' ', '-').Replace('/', '-')}.pdf");
    }
}
