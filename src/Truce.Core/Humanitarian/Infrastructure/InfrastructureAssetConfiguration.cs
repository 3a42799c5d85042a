using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Humanitarian;

internal sealed class InfrastructureAssetConfiguration : IEntityTypeConfiguration<InfrastructureAsset>
{
    public void Configure(EntityTypeBuilder<InfrastructureAsset> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.PlaceId).HasMaxLength(100);
        builder.HasIndex(a => a.PlaceId);
    }
}
