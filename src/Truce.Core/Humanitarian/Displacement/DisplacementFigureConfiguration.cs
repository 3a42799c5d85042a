using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Humanitarian;

internal sealed class DisplacementFigureConfiguration : IEntityTypeConfiguration<DisplacementFigure>
{
    public void Configure(EntityTypeBuilder<DisplacementFigure> builder)
    {
        builder.Property(f => f.PlaceId).HasMaxLength(100);
        builder.Property(f => f.Country).HasMaxLength(3);
        builder.Property(f => f.Source).HasMaxLength(200);
        builder.HasIndex(f => new { f.PlaceId, f.Date });
        builder.HasIndex(f => new { f.Country, f.Date });
    }
}
