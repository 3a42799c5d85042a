using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Humanitarian;

internal sealed class ServiceReportConfiguration : IEntityTypeConfiguration<ServiceReport>
{
    public void Configure(EntityTypeBuilder<ServiceReport> builder)
    {
        builder.Property(r => r.PlaceId).HasMaxLength(100);
        builder.Property(r => r.Source).HasMaxLength(200);
        builder.HasIndex(r => new { r.PlaceId, r.Service, r.Date });
    }
}
