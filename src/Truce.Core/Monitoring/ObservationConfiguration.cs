using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Monitoring;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.HasIndex(o => o.ObservedFrom);
        // Covers the candidate query of a spatial filter (cell ranges, the time window, then id and position
        // for the exact test), so that the many candidates outside the window cost no row lookup.
        builder.HasIndex(o => new { o.Cell, o.ObservedFrom, o.ObservedTo, o.Latitude, o.Longitude, o.Id }).HasDatabaseName("ix_observations_cell_covering");
        // Near queries with a closed window: one seek per week and cell range (Lists/NearTime.cs). The visibility and the
        // submitting party are in it so that what a liaison or the public may see is decided on the index's entries,
        // not by reading each candidate's row (docs/benchmarks.md, session 11).
        builder.HasIndex(o => new { o.NearTimeKey, o.Cell, o.ObservedFrom, o.ObservedTo, o.Latitude, o.Longitude, o.Id, o.Visibility, o.SubmittedByPartyId })
            .HasDatabaseName("ix_observations_near_time_covering");
        builder.HasIndex(o => o.IncidentId);
        builder.HasIndex(o => new { o.Source, o.SourceExternalId });
        builder.HasMany(o => o.Evidence).WithOne().HasForeignKey(x => x.ObservationId);
    }
}
