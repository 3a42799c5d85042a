using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Webhooks;

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.Property(a => a.Error).HasMaxLength(WebhookRules.MaxError);
        // One row per try: two senders can never both record attempt n of a delivery.
        builder.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId);
    }
}
