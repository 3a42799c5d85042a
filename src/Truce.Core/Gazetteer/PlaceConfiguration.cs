using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Gazetteer;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.Property(p => p.Id).HasMaxLength(80);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.Property(p => p.Admin1).HasMaxLength(200);
        builder.Property(p => p.Admin2).HasMaxLength(200);
        builder.Property(p => p.Cell).HasMaxLength(12);
        // The nearest place to a point: a latitude band read from this index, longitudes and distances checked in code.
        builder.HasIndex(p => new { p.Latitude, p.Longitude });
        builder.HasIndex(p => p.GeoNamesId);
    }
}
