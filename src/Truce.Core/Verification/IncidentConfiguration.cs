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
        // Near queries with a closed window: one seek per week and cell range (Lists/NearTime.cs). The visibility is in it
        // so that the public's and a liaison's lists decide what they may see on the index's entries, not on each row.
        builder.HasIndex(i => new { i.NearTimeKey, i.Cell, i.StartsAt, i.EndsAt, i.Latitude, i.Longitude, i.Id, i.Visibility })
            .HasDatabaseName("ix_incidents_near_time_covering");
        // The handover gates and the risk score ask for verified incidents that ended in the last D days near a place:
        // selective in time first, the cell checked inside the index (docs/benchmarks.md, "Handover timeline").
        builder.HasIndex(i => new { i.Status, i.EndsAt, i.Cell }).HasDatabaseName("ix_incidents_status_ends_at_cell");
        builder.HasMany(i => i.Assessments).WithOne().HasForeignKey(a => a.IncidentId);
    }
}
