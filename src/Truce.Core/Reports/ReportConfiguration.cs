using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Reports;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        // Two reports of a kind never share a number in a year; drafts have none (NULLs are distinct on both engines).
        builder.HasIndex(r => new { r.Kind, r.Year, r.Number }).IsUnique();
        builder.HasIndex(r => r.PublishedAt);
        builder.Property(r => r.Headline).HasMaxLength(200);
        builder.Property(r => r.Zones).HasMaxLength(2000);
        builder.Property(r => r.Topics).HasMaxLength(1000);
    }
}
