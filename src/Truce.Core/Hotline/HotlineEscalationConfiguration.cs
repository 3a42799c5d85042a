using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Hotline;

internal sealed class HotlineEscalationConfiguration : IEntityTypeConfiguration<HotlineEscalation>
{
    public void Configure(EntityTypeBuilder<HotlineEscalation> builder)
    {
        // One notice per message and level, whichever node or run records it first.
        builder.HasKey(e => new { e.MessageId, e.Level });
        builder.HasIndex(e => e.ThreadId);
    }
}
