using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Humanitarian;

internal sealed class DamageAssessmentConfiguration : IEntityTypeConfiguration<DamageAssessment>
{
    public void Configure(EntityTypeBuilder<DamageAssessment> builder)
    {
        builder.Property(a => a.Source).HasMaxLength(200);
        builder.HasIndex(a => new { a.AssetId, a.Date });
    }
}
