using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;
using Truce.Webhooks;

namespace Truce.Web;

/// <summary>Webhook subscriptions: the API and the page call the same Core functions (docs/webhooks.md).</summary>
internal static class WebhookEndpoints
{
    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        api.MapGet("/", List).Allow(AccessRule.For(Operation.ManageWebhooks))
            .WithSummary("The webhook subscriptions the viewer manages: all for an administrator, its own party's for a liaison.");
        api.MapPost("/", (JsonInput<SubscriptionInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            input.ThenAsync(body => Subscriptions.CreateAsync(db, viewer, body, cancellationToken))
                .ToCreatedAsync(c => $"/api/webhooks/{c.Subscription.Id}", c => WebhookJson.From(c.Subscription, c.Secret)))
            .Allow(AccessRule.For(Operation.ManageWebhooks))
            .WithSummary("Subscribe a URL to events (hotline.message, hotline.escalated, hotline.acknowledged, report.published, report.corrected). The answer carries the signing secret, once. Idempotent by the client's id.");
        api.MapGet("/{id:guid}/deliveries", Deliveries).Allow(AccessRule.For(Operation.ManageWebhooks))
            .WithSummary("A subscription's latest deliveries, newest first, with their attempts.");
        api.MapPost("/{id:guid}/disable", (Guid id, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
            Subscriptions.DisableAsync(db, viewer, id, cancellationToken).ToOkAsync(s => WebhookJson.From(s)))
            .Allow(AccessRule.For(Operation.ManageWebhooks))
            .WithSummary("Disable a subscription: nothing more is sent to it, and what was queued is given up.");

        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/webhooks", (Chrome chrome, TruceDb db, CancellationToken cancellationToken) => Page(chrome, db, null, null, cancellationToken))
            .Allow(AccessRule.For(Operation.ManageWebhooks));
        pages.MapPost("/webhooks", Create).Allow(AccessRule.For(Operation.ManageWebhooks));
        pages.MapPost("/webhooks/{id:guid}/disable", Disable).Allow(AccessRule.For(Operation.ManageWebhooks));
    }

    private static async Task<Ok<List<WebhookJson>>> List(Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Subscriptions.ListAsync(db, viewer, cancellationToken)).Select(s => WebhookJson.From(s)).ToList());

    private static async Task<Results<Ok<List<WebhookDeliveryJson>>, ProblemHttpResult>> Deliveries(
        Guid id, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
        await Subscriptions.DeliveriesAsync(db, viewer, id, cancellationToken: cancellationToken) is { } rows
            ? TypedResults.Ok(rows.Select(WebhookDeliveryJson.From).ToList())
            : Problems.NotFound("The subscription");

    /// <summary>The page's form as the API's body; the new secret is shown on the page that answers, and never again.</summary>
    private static async Task<IResult> Create(IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var input = new SubscriptionInput(Guid.TryParse(form["id"], out var id) ? id : null, form["url"], [.. form["events"].OfType<string>()], form["party"]);
        var created = await Subscriptions.CreateAsync(db, chrome.Viewer, input, cancellationToken);
        if (created.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await Page(chrome, db, failure, null, cancellationToken);
        }
        return await Page(chrome, db, null, created.Value!.Record, cancellationToken);
    }

    private static async Task<IResult> Disable(Guid id, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var disabled = await Subscriptions.DisableAsync(db, chrome.Viewer, id, cancellationToken);
        if (disabled.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await Page(chrome, db, failure, null, cancellationToken);
        }
        return TypedResults.Redirect("/webhooks");
    }

    private static async Task<IResult> Page(Chrome chrome, TruceDb db, Failure? problem, CreatedSubscription? created, CancellationToken cancellationToken)
    {
        var subscriptions = await Subscriptions.ListAsync(db, chrome.Viewer, cancellationToken);
        var states = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var s in subscriptions)
        {
            var deliveries = await Subscriptions.DeliveriesAsync(db, chrome.Viewer, s.Id, 5, cancellationToken) ?? [];
            states[s.Id] = [.. deliveries.Select(d => d.Delivery.State)];
        }
        var parties = chrome.Viewer.Role is Role.Administrator ? await db.Parties.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken) : [];
        return new WebhookListModel(chrome, subscriptions, states, parties, problem, created, Guid.NewGuid()).Render();
    }
}
