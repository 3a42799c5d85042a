using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Hotline;

internal sealed class HotlineMessageConfiguration : IEntityTypeConfiguration<HotlineMessage>
{
    public void Configure(EntityTypeBuilder<HotlineMessage> builder)
    {
        builder.HasIndex(m => m.ThreadId);
        // The escalator's scan: unacknowledged messages by deadline.
        builder.HasIndex(m => new { m.AcknowledgedAt, m.DueAt });
    }
}
