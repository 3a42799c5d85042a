using Truce.Access;
using Truce.Hotline;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The hotline's pages: the threads, one thread, and its forms. The same Core calls as the hotline API.</summary>
internal static class HotlinePages
{
    public static void MapHotlinePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/hotline", (Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
            ListPage(chrome, db, settings, null, cancellationToken)).Allow(AccessRule.For(Operation.ReadHotline));
        pages.MapPost("/hotline", Start).Allow(AccessRule.For(Operation.WriteHotline));
        pages.MapGet("/hotline/{id:guid}", (Guid id, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
            ThreadPage(id, chrome, db, settings, null, cancellationToken)).Allow(AccessRule.For(Operation.ReadHotline));
        pages.MapPost("/hotline/{id:guid}/messages", Send).Allow(AccessRule.For(Operation.WriteHotline));
        pages.MapPost("/hotline/{id:guid}/acknowledgements", Acknowledge).Allow(AccessRule.For(Operation.WriteHotline));
    }

    private static async Task<IResult> Start(IFormCollection form, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var started = await Threads.StartAsync(db, chrome.Viewer, settings.Hotline, new ThreadInput
        {
            Id = Guid.TryParse(form["id"], out var id) ? id : null,
            To = form["to"], Subject = form["subject"], Kind = form["kind"], Body = form["body"],
        }, cancellationToken);
        if (started.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await ListPage(chrome, db, settings, failure, cancellationToken);
        }
        return TypedResults.Redirect($"/hotline/{started.Value!.Record.Id}");
    }

    private static async Task<IResult> Send(Guid id, IFormCollection form, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var sent = await Threads.SendAsync(db, chrome.Viewer, settings.Hotline, id, new MessageInput
        {
            Id = Guid.TryParse(form["id"], out var messageId) ? messageId : null, Kind = form["kind"], Body = form["body"],
        }, cancellationToken);
        return await AfterAsync(id, sent.Failure, chrome, db, settings, cancellationToken);
    }

    private static async Task<IResult> Acknowledge(Guid id, IFormCollection form, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var acknowledged = await Threads.AcknowledgeAsync(db, chrome.Viewer, id, new AcknowledgementInput
        {
            MessageId = Guid.TryParse(form["messageId"], out var messageId) ? messageId : null,
        }, cancellationToken);
        return await AfterAsync(id, acknowledged.Failure, chrome, db, settings, cancellationToken);
    }

    /// <summary>Back to the thread after a form; a refusal shows the thread with the problem under its forms.</summary>
    private static async Task<IResult> AfterAsync(Guid id, Failure? failure, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        if (failure is null)
        {
            return TypedResults.Redirect($"/hotline/{id}");
        }
        db.ChangeTracker.Clear();
        return await ThreadPage(id, chrome, db, settings, failure, cancellationToken);
    }

    private static async Task<IResult> ListPage(Chrome chrome, TruceDb db, TruceSettings settings, Failure? problem, CancellationToken cancellationToken) =>
        new HotlineListModel(chrome, await Threads.ListAsync(db, chrome.Viewer, settings.Hotline, cancellationToken),
            await MissionEndpoints.PartiesAsync(db, cancellationToken), problem, NewId: Guid.CreateVersion7()).Render();

    private static async Task<IResult> ThreadPage(Guid id, Chrome chrome, TruceDb db, TruceSettings settings, Failure? problem, CancellationToken cancellationToken)
    {
        var view = await Threads.OpenAsync(db, chrome.Viewer, settings.Hotline, id, cancellationToken);
        if (view is null)
        {
            return new NotFoundModel(chrome, "NotFound.Thread").Render(StatusCodes.Status404NotFound);
        }
        return new HotlineThreadModel(chrome, view, await Threads.EscalationsAsync(db, id, cancellationToken), problem, NewId: Guid.CreateVersion7()).Render();
    }
}
