using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Handovers;

internal sealed class HandoverTransitionConfiguration : IEntityTypeConfiguration<HandoverTransition>
{
    public void Configure(EntityTypeBuilder<HandoverTransition> builder) => builder.HasIndex(t => new { t.HandoverId, t.At });
}
