using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Truce.Access;
using Truce.Storage;
using Truce.Webhooks;

namespace Truce.Tests.Webhooks;

/// <summary>Two nodes on one store claim the outbox at once: each delivery goes to exactly one of them.</summary>
public sealed class DeliveryClaimTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static async Task<List<Guid>> FillAsync(Store store, int count)
    {
        await using var db = store.Open(Viewer.System);
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), Url = "http://127.0.0.1:9/", Events = WebhookEvents.ReportPublished, Secret = WebhookSignature.NewSecret(),
            CreatedAt = Start, CreatedBy = "test",
        };
        db.Add(subscription);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        db.AddRange(ids.Select(id => new WebhookDelivery
        {
            Id = id, SubscriptionId = subscription.Id, Event = WebhookEvents.ReportPublished, Payload = "{}", CreatedAt = Start, NextAttemptAt = Start,
            LeaseToken = Guid.NewGuid(),
        }));
        await db.SaveChangesAsync();
        return ids;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task Two_nodes_claiming_at_once_never_both_hold_one_delivery(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var clock = new FakeTimeProvider(Start);
        var nodes = new[] { new Store(scratch.Location, clock), new Store(scratch.Location, clock) };
        await nodes[0].MigrateAsync();
        var ids = await FillAsync(nodes[0], 30);

        var held = new ConcurrentBag<(int Node, Guid Id)>();
        await Task.WhenAll(nodes.Select((store, node) => Task.Run(async () =>
        {
            for (var round = 0; round < 4; round++)
            {
                foreach (var claimed in await Deliveries.ClaimAsync(store, WebhookTimings.Default, 10))
                {
                    held.Add((node, claimed.Delivery.Id));
                }
            }
        })));

        Assert.Equal(ids.Order(), held.Select(h => h.Id).Order());
        Assert.Empty(await Deliveries.ClaimAsync(nodes[0], WebhookTimings.Default, 100));
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_lease_that_ran_out_is_claimed_by_another_node_and_the_first_one_cannot_record_over_it(Engine engine)
    {
        await using var scratch = await ScratchStore.CreateAsync(engine);
        var clock = new FakeTimeProvider(Start);
        var store = await scratch.MigratedAsync(clock);
        var id = Assert.Single(await FillAsync(store, 1));

        var first = Assert.Single(await Deliveries.ClaimAsync(store, WebhookTimings.Default, 10));
        Assert.Empty(await Deliveries.ClaimAsync(store, WebhookTimings.Default, 10));
        clock.Advance(WebhookTimings.Default.Lease);
        var second = Assert.Single(await Deliveries.ClaimAsync(store, WebhookTimings.Default, 10));

        Assert.False(await Deliveries.RecordAsync(store, WebhookTimings.Default, first, 200, null));
        Assert.True(await Deliveries.RecordAsync(store, WebhookTimings.Default, second, 200, null));
        await using var db = store.Open();
        var delivery = await db.Set<WebhookDelivery>().SingleAsync(d => d.Id == id);
        Assert.Equal(1, delivery.Attempts);
        Assert.NotNull(delivery.DeliveredAt);
        Assert.Equal(1, await db.Set<WebhookAttempt>().CountAsync());
    }
}
