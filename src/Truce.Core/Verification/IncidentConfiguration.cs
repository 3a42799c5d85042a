using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Verification;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.HasIndex(i => i.StartsAt);
        builder.HasIndex(i => i.Cell);
        builder.HasIndex(i => i.Status);
        builder.HasMany(i => i.Assessments).WithOne().HasForeignKey(a => a.IncidentId);
    }
}
