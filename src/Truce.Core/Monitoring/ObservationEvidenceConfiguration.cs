using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Monitoring;

internal sealed class ObservationEvidenceConfiguration : IEntityTypeConfiguration<ObservationEvidence>
{
    public void Configure(EntityTypeBuilder<ObservationEvidence> builder)
    {
        builder.HasKey(x => new { x.ObservationId, x.Sha256 });
        builder.Property(x => x.Sha256).HasMaxLength(64);
    }
}
