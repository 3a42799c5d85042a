using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Humanitarian;

internal sealed class RehabilitationProjectConfiguration : IEntityTypeConfiguration<RehabilitationProject>
{
    public void Configure(EntityTypeBuilder<RehabilitationProject> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Funder).HasMaxLength(200);
        builder.HasIndex(p => p.AssetId);
    }
}
