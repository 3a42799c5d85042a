using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Hotline;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The hotline's JSON API: the same Core calls as its pages.</summary>
internal static class HotlineApi
{
    public static void MapHotlineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hotline").WithTags("Hotline");
        api.MapGet("/", List).Allow(AccessRule.For(Operation.ReadHotline))
            .WithSummary("The hotline threads the viewer may read (its own party's, or all for the mission), most recently active first.");
        api.MapGet("/awaiting", Awaiting).Allow(AccessRule.For(Operation.ReadHotline))
            .WithSummary("Unacknowledged messages addressed to the viewer's party (liaisons), or whose deadline lapsed (the mission).");
        api.MapPost("/", (JsonInput<ThreadInput> input, Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
            input.ThenAsync(body => Threads.StartAsync(db, viewer, settings.Hotline, body, cancellationToken))
                .ToCreatedAsync(t => $"/api/hotline/{t.Id}", t => HotlineThreadJson.From(Threads.View(t, t.StartedAt, settings.Hotline), [])))
            .Allow(AccessRule.For(Operation.WriteHotline))
            .WithSummary("Open a thread with another party with its first message (notice, inquiry or protest). Liaisons; idempotent by the client's id.");
        api.MapGet("/{id:guid}", Get).Allow(AccessRule.For(Operation.ReadHotline))
            .WithSummary("One thread with its messages (receipts, deadlines, escalation levels) and its escalation notices. A liaison of the addressed party reading it leaves read receipts.");
        api.MapPost("/{id:guid}/messages", (Guid id, JsonInput<MessageInput> input, Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
            input.ThenAsync(body => Threads.SendAsync(db, viewer, settings.Hotline, id, body, cancellationToken))
                .ToCreatedAsync(m => $"/api/hotline/{id}", m => HotlineMessageJson.From(m, 0)))
            .Allow(AccessRule.For(Operation.WriteHotline))
            .WithSummary("Write in a thread (reply by default). Liaisons of its two parties; idempotent by the client's id.");
        api.MapPost("/{id:guid}/acknowledgements", (Guid id, JsonInput<AcknowledgementInput> input, Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
            input.ThenAsync(body => Threads.AcknowledgeAsync(db, viewer, id, body, cancellationToken))
                .ToOkAsync(m => HotlineMessageJson.From(m, EscalationRules.Level(m.DueAt, m.AcknowledgedAt, Instant.Now(db.Clock), settings.Hotline.Repeat))))
            .Allow(AccessRule.For(Operation.WriteHotline))
            .WithSummary("Acknowledge a message addressed to the viewer's party; a second acknowledgement answers the first.");
    }

    private static async Task<Ok<List<HotlineThreadJson>>> List(Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Threads.ListAsync(db, viewer, settings.Hotline, cancellationToken)).Select(v => HotlineThreadJson.From(v)).ToList());

    private static async Task<Ok<List<HotlineAwaitingJson>>> Awaiting(Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Threads.AwaitingAsync(db, viewer, settings.Hotline, cancellationToken)).Select(HotlineAwaitingJson.From).ToList());

    private static async Task<Results<Ok<HotlineThreadJson>, ProblemHttpResult>> Get(
        Guid id, Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var view = await Threads.OpenAsync(db, viewer, settings.Hotline, id, cancellationToken);
        if (view is null)
        {
            return Problems.NotFound("The thread");
        }
        return TypedResults.Ok(HotlineThreadJson.From(view, await Threads.EscalationsAsync(db, id, cancellationToken)));
    }
}
