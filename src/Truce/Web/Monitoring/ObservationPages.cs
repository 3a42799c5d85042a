using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Gazetteer;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The observation pages: the list, one observation, the field form. Each calls the same Core function as its API twin.</summary>
internal static class ObservationPages
{
    public static void MapObservationPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/observations", List).Allow(AccessRule.Anyone);
        pages.MapGet("/observations/new", (Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
            FormPage(chrome, db, ObservationForm.Blank(db.Clock.GetUtcNow()), null, cancellationToken))
            .Allow(AccessRule.For(Operation.SubmitObservation));
        pages.MapPost("/observations", Submit).Allow(AccessRule.For(Operation.SubmitObservation)).RequireRateLimiting(RateLimits.Submissions);
        pages.MapGet("/observations/{id:guid}", Detail).Allow(AccessRule.Anyone);
    }

    private static async Task<RazorComponentResult> List(HttpRequest request, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var filter = ListPageQuery.Filter(request);
        var listed = await Observations.ListAsync(db, chrome.Viewer, filter.Value ?? new ListFilter(), cancellationToken);
        return await ListPage(request, chrome, db, filter.Value ?? new ListFilter(), listed.Value, filter.Failure ?? listed.Failure, cancellationToken);
    }

    /// <summary>The list page; without a listed page (the filter was refused), the unfiltered first page under the problem.</summary>
    internal static async Task<RazorComponentResult> ListPage(
        HttpRequest request, Chrome chrome, TruceDb db, ListFilter filter, Page<Observation>? listed, Failure? problem, CancellationToken cancellationToken)
    {
        var page = listed ?? (await Observations.ListAsync(db, chrome.Viewer, new ListFilter(), cancellationToken)).Value!;
        return new ObservationListModel(chrome, page, filter, ListPageQuery.PageLink(request, "/observations"), problem, GroupId: Guid.CreateVersion7()).Render();
    }

    private static async Task<RazorComponentResult> FormPage(
        Chrome chrome, TruceDb db, IReadOnlyDictionary<string, string> values, Failure? problem, CancellationToken cancellationToken) =>
        new ObservationNewModel(chrome, values, await MissionEndpoints.PartiesAsync(db, cancellationToken), problem).Render();

    private static async Task<IResult> Submit(
        IFormCollection form, Chrome chrome, Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var values = ObservationForm.Values(form);
        var (input, errors) = ObservationForm.Read(values);
        if (errors.Any)
        {
            return await FormPage(chrome, db, values, errors.ToFailure(), cancellationToken);
        }
        var submitted = await Observations.SubmitAsync(db, viewer, input, cancellationToken);
        if (submitted.Failure is { } failure)
        {
            return await FormPage(chrome, db, values, failure, cancellationToken);
        }
        var id = submitted.Value!.Record.Id;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            await using var content = file.OpenReadStream();
            var attached = await Evidence.AttachAsync(db, viewer, id, file.FileName, file.ContentType, content, settings.EvidenceMaxBytes, settings.EvidenceMaxBytesPerUserPerDay, cancellationToken);
            if (attached.Failure is { } refused)
            {
                // The observation is kept; only the file was refused. Say so on the form with a fresh id.
                values["id"] = Guid.NewGuid().ToString();
                return await FormPage(chrome, db, values,
                    refused with { Title = $"The observation was saved (/observations/{id}) but its file was refused: {refused.Title}" }, cancellationToken);
            }
        }
        return TypedResults.Redirect($"/observations/{id}");
    }

    private static async Task<RazorComponentResult> Detail(Guid id, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
        await Observations.FindAsync(db, chrome.Viewer, id, cancellationToken) is { } observation
            ? new ObservationDetailModel(chrome, observation, await Observations.SubmitterAsync(db, chrome.Viewer, observation, cancellationToken),
                await Places.NearestAsync(db, observation.Latitude, observation.Longitude, cancellationToken)).Render()
            : new NotFoundModel(chrome, "NotFound.Observation").Render(StatusCodes.Status404NotFound);
}
