using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Handovers;

internal sealed class HandoverPlanConfiguration : IEntityTypeConfiguration<HandoverPlan>
{
    public void Configure(EntityTypeBuilder<HandoverPlan> builder) => builder.Property(p => p.Name).HasMaxLength(200);
}
