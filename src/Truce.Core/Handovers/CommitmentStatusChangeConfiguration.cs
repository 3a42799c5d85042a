using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Handovers;

internal sealed class CommitmentStatusChangeConfiguration : IEntityTypeConfiguration<CommitmentStatusChange>
{
    public void Configure(EntityTypeBuilder<CommitmentStatusChange> builder) => builder.HasIndex(c => new { c.CommitmentId, c.At });
}
