using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Storage;

namespace Truce.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Property(s => s.Url).HasMaxLength(WebhookRules.MaxUrl);
        builder.Property(s => s.Secret).IsSecret();
        builder.HasIndex(s => s.PartyId);
    }
}
