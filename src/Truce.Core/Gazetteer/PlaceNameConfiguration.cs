using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Gazetteer;

internal sealed class PlaceNameConfiguration : IEntityTypeConfiguration<PlaceName>
{
    public void Configure(EntityTypeBuilder<PlaceName> builder)
    {
        builder.Property(n => n.PlaceId).HasMaxLength(80);
        builder.Property(n => n.Name).HasMaxLength(400);
        builder.Property(n => n.Language).HasMaxLength(20);
        builder.Property(n => n.Script).HasMaxLength(4);
        builder.Property(n => n.Key).HasMaxLength(NameKey.MaxLength);
        builder.Property(n => n.From).HasMaxLength(40);
        builder.Property(n => n.To).HasMaxLength(40);
        builder.HasOne<Place>().WithMany().HasForeignKey(n => n.PlaceId);
        // A prefix search reads a range of this index (key, then the place it names) and nothing else.
        builder.HasIndex(n => new { n.Key, n.PlaceId });
        builder.HasIndex(n => n.PlaceId);
    }
}
