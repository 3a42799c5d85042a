using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Reports;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.HasIndex(c => new { c.ReportId, c.ReceivedAt });
        builder.HasIndex(c => c.Status);
        builder.Property(c => c.Name).HasMaxLength(Comments.MaxName);
        builder.Property(c => c.Text).HasMaxLength(Comments.MaxText);
        builder.HasOne<Report>().WithMany().HasForeignKey(c => c.ReportId);
    }
}
