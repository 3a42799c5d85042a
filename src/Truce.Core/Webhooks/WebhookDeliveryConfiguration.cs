using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Webhooks;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Ignore(d => d.State);
        builder.Property(d => d.Event).HasMaxLength(40);
        builder.Property(d => d.LeaseToken).IsConcurrencyToken();
        // The senders' question: what is due and still open, soonest first.
        builder.HasIndex(d => new { d.DeliveredAt, d.DeadAt, d.NextAttemptAt });
        builder.HasIndex(d => d.SubscriptionId);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId);
    }
}
