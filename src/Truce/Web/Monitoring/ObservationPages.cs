using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Cli;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

/// <summary>The HTML pages of monitoring and verification. Each calls the same Core function as its API twin.</summary>
internal static class MonitoringPages
{
    public static void MapMonitoringPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", Dashboard).Allow(AccessRule.Anyone);
        pages.MapGet("/map", async (HttpContext context, TruceDb db, TruceSettings settings) =>
            new RazorComponentResult<MapPage>(new { Chrome = await Chrome.LoadAsync(db, context.Viewer(), context.RequestAborted), settings.TileUrl }))
            .Allow(AccessRule.Anyone);
        pages.MapGet("/observations", ObservationList).Allow(AccessRule.Anyone);
        pages.MapGet("/observations/new", NewObservation).Allow(AccessRule.For(Operation.SubmitObservation));
        pages.MapPost("/observations", SubmitObservation).Allow(AccessRule.For(Operation.SubmitObservation)).RequireRateLimiting(RateLimits.Submissions);
        pages.MapGet("/observations/{id:guid}", ObservationDetail).Allow(AccessRule.Anyone);
        pages.MapGet("/incidents", IncidentList).Allow(AccessRule.Anyone);
        pages.MapPost("/incidents", GroupIncident).Allow(AccessRule.For(Operation.GroupIncident));
        pages.MapGet("/incidents/{id:guid}", IncidentDetail).Allow(AccessRule.Anyone);
        pages.MapPost("/incidents/{id:guid}/assessments", AssessIncident).Allow(AccessRule.For(Operation.AssessIncident));
    }

    private static async Task<RazorComponentResult> Dashboard(HttpContext context, TruceDb db, TruceSettings settings)
    {
        var viewer = context.Viewer();
        var observations = db.Observations.AsNoTracking().VisibleTo(viewer);
        var byStatus = await db.Incidents.AsNoTracking().VisibleTo(viewer).GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(context.RequestAborted);
        var latest = (await Incidents.ListAsync(db, viewer, new ListFilter { Paging = new Paging(1, 10) }, context.RequestAborted)).Value!;
        var model = new DashboardModel(
            await observations.CountAsync(context.RequestAborted),
            await observations.CountAsync(o => o.IncidentId == null, context.RequestAborted),
            [.. byStatus.OrderBy(s => s.Key).Select(s => (s.Key, s.Count))],
            latest.Items,
            settings.TileUrl);
        return new RazorComponentResult<Dashboard>(new { Chrome = await Chrome.LoadAsync(db, viewer, context.RequestAborted), Model = model });
    }

    /// <summary>The list pages' filters: a date from the form's date picker counts as the whole of that day in UTC.</summary>
    private static Result<ListFilter> PageFilter(HttpRequest request) => ListFilter.Parse(name =>
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

    private static Func<int, string> PageLink(HttpRequest request, string path) => number =>
    {
        var query = request.Query.Where(q => q.Key != "page").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        return $"{path}?{string.Join('&', query.Append($"page={number}"))}";
    };

    private static async Task<RazorComponentResult> ObservationList(HttpContext context, TruceDb db)
    {
        var viewer = context.Viewer();
        var filter = PageFilter(context.Request);
        var listed = await Observations.ListAsync(db, viewer, filter.Value ?? new ListFilter(), context.RequestAborted);
        var problem = filter.Failure ?? listed.Failure;
        var page = listed.Value ?? (await Observations.ListAsync(db, viewer, new ListFilter(), context.RequestAborted)).Value!;
        return new RazorComponentResult<ObservationList>(new
        {
            Chrome = await Chrome.LoadAsync(db, viewer, context.RequestAborted),
            Page = page,
            Filter = filter.Value ?? new ListFilter(),
            Link = PageLink(context.Request, "/observations"),
            Problem = problem,
            GroupId = Guid.NewGuid(),
        })
        { StatusCode = problem is null ? 200 : Problems.Status(problem.Kind) };
    }

    private static async Task<IResult> NewObservation(HttpContext context, TruceDb db)
    {
        var viewer = context.Viewer();
        if (!viewer.IsSignedIn)
        {
            return TypedResults.Redirect("/login?returnUrl=%2Fobservations%2Fnew");
        }
        return await ObservationFormPage(context, db, ObservationForm.Blank(db.Clock.GetUtcNow()), null, 200);
    }

    private static async Task<RazorComponentResult> ObservationFormPage(
        HttpContext context, TruceDb db, IReadOnlyDictionary<string, string> values, Failure? problem, int status)
    {
        var chrome = await Chrome.LoadAsync(db, context.Viewer(), context.RequestAborted);
        var parties = await db.Parties.AsNoTracking().OrderBy(p => p.Id).ToListAsync(context.RequestAborted);
        return new RazorComponentResult<ObservationNew>(new { Chrome = chrome, Values = values, Parties = parties, Problem = problem })
        {
            StatusCode = status,
        };
    }

    private static async Task<IResult> SubmitObservation(HttpContext context, TruceDb db, TruceSettings settings, IFormCollection form)
    {
        var viewer = context.Viewer();
        if (!viewer.IsSignedIn)
        {
            return TypedResults.Redirect("/login?returnUrl=%2Fobservations%2Fnew");
        }
        var values = ObservationForm.Values(form);
        var (input, errors) = ObservationForm.Read(values);
        if (errors.Any)
        {
            return await ObservationFormPage(context, db, values, errors.ToFailure(), StatusCodes.Status422UnprocessableEntity);
        }
        var submitted = await Observations.SubmitAsync(db, viewer, input, context.RequestAborted);
        if (submitted.Failure is { } failure)
        {
            return await ObservationFormPage(context, db, values, failure, Problems.Status(failure.Kind));
        }
        var id = submitted.Value!.Record.Id;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            await using var content = file.OpenReadStream();
            var attached = await Evidence.AttachAsync(db, viewer, id, file.FileName, file.ContentType, content, settings.EvidenceMaxBytes, context.RequestAborted);
            if (attached.Failure is { } refused)
            {
                // The observation is kept; only the file was refused. Say so on the form with a fresh id.
                values["id"] = Guid.NewGuid().ToString();
                return await ObservationFormPage(context, db, values,
                    refused with { Title = $"The observation was saved (/observations/{id}) but its file was refused: {refused.Title}" },
                    Problems.Status(refused.Kind));
            }
        }
        return TypedResults.Redirect($"/observations/{id}");
    }

    private static async Task<RazorComponentResult> ObservationDetail(Guid id, HttpContext context, TruceDb db)
    {
        var viewer = context.Viewer();
        var chrome = await Chrome.LoadAsync(db, viewer, context.RequestAborted);
        var observation = await Observations.FindAsync(db, viewer, id, context.RequestAborted);
        return observation is null
            ? new RazorComponentResult<NotFoundPage>(new { Chrome = chrome, What = "This observation" }) { StatusCode = 404 }
            : new RazorComponentResult<ObservationDetail>(new { Chrome = chrome, Observation = observation });
    }

    private static async Task<RazorComponentResult> IncidentList(HttpContext context, TruceDb db)
    {
        var viewer = context.Viewer();
        var filter = PageFilter(context.Request);
        var listed = await Incidents.ListAsync(db, viewer, filter.Value ?? new ListFilter(), context.RequestAborted);
        var problem = filter.Failure ?? listed.Failure;
        var page = listed.Value ?? (await Incidents.ListAsync(db, viewer, new ListFilter(), context.RequestAborted)).Value!;
        return new RazorComponentResult<IncidentList>(new
        {
            Chrome = await Chrome.LoadAsync(db, viewer, context.RequestAborted),
            Page = page,
            Filter = filter.Value ?? new ListFilter(),
            Link = PageLink(context.Request, "/incidents"),
            Problem = problem,
        })
        { StatusCode = problem is null ? 200 : Problems.Status(problem.Kind) };
    }

    private static async Task<IResult> GroupIncident(HttpContext context, TruceDb db, IFormCollection form)
    {
        var viewer = context.Viewer();
        var ids = form["observationIds"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).ToList();
        var grouped = await Incidents.GroupAsync(db, viewer, new IncidentInput
        {
            Id = Guid.TryParse(form["id"], out var id) ? id : null,
            ObservationIds = ids,
        }, context.RequestAborted);
        if (grouped.Failure is { } failure)
        {
            var chrome = await Chrome.LoadAsync(db, viewer, context.RequestAborted);
            var page = (await Observations.ListAsync(db, viewer, new ListFilter(), context.RequestAborted)).Value!;
            return new RazorComponentResult<ObservationList>(new
            {
                Chrome = chrome, Page = page, Filter = new ListFilter(), Link = PageLink(context.Request, "/observations"),
                Problem = failure, GroupId = Guid.NewGuid(),
            })
            { StatusCode = Problems.Status(failure.Kind) };
        }
        return TypedResults.Redirect($"/incidents/{grouped.Value!.Record.Id}");
    }

    private static async Task<RazorComponentResult> IncidentDetail(Guid id, HttpContext context, TruceDb db, TruceSettings settings) =>
        await IncidentPage(context, db, settings, id, null, 200);

    internal static async Task<RazorComponentResult> IncidentPage(HttpContext context, TruceDb db, TruceSettings settings, Guid id, Failure? problem, int status)
    {
        var viewer = context.Viewer();
        var chrome = await Chrome.LoadAsync(db, viewer, context.RequestAborted);
        var incident = await Incidents.FindAsync(db, viewer, id, context.RequestAborted);
        if (incident is null)
        {
            return new RazorComponentResult<NotFoundPage>(new { Chrome = chrome, What = "This incident" }) { StatusCode = 404 };
        }
        return new RazorComponentResult<IncidentDetail>(new
        {
            Chrome = chrome,
            Incident = incident,
            Observations = await Incidents.ObservationsOfAsync(db, viewer, id, context.RequestAborted),
            Parties = await db.Parties.AsNoTracking().OrderBy(p => p.Id).ToListAsync(context.RequestAborted),
            Problem = problem,
            AssessmentId = Guid.NewGuid(),
            settings.TileUrl,
        })
        { StatusCode = status };
    }

    private static async Task<IResult> AssessIncident(Guid id, HttpContext context, TruceDb db, TruceSettings settings, IFormCollection form)
    {
        string? Field(string name) => string.IsNullOrWhiteSpace(form[name]) ? null : form[name].ToString();
        var credibility = int.TryParse(Field("informationCredibility"), out var c) ? c : (int?)null;
        var assessed = await Incidents.AssessAsync(db, context.Viewer(), id, new AssessmentInput
        {
            Id = Guid.TryParse(Field("id"), out var assessmentId) ? assessmentId : null,
            Status = Field("status"),
            SourceReliability = Field("sourceReliability"),
            InformationCredibility = credibility,
            AttributedParty = Field("attributedParty"),
            AttributionConfidence = Field("attributionConfidence"),
            ClauseBreached = Field("clauseBreached"),
            Rationale = Field("rationale"),
            Visibility = Field("visibility"),
        }, context.RequestAborted);
        if (assessed.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await IncidentPage(context, db, settings, id, failure, Problems.Status(failure.Kind));
        }
        return TypedResults.Redirect($"/incidents/{id}");
    }
}
