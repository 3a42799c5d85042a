using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Handovers;

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> builder)
    {
        builder.HasIndex(h => h.PhaseId);
        builder.Ignore(h => h.Sites);
        builder.Ignore(h => h.Commitments);
    }
}
