using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Activities;

internal sealed class NotifiedActivityConfiguration : IEntityTypeConfiguration<NotifiedActivity>
{
    public void Configure(EntityTypeBuilder<NotifiedActivity> builder)
    {
        // The flags' query: activities whose window overlaps an observation's time.
        builder.HasIndex(a => new { a.StartsAt, a.EndsAt });
        builder.HasIndex(a => a.PartyId);
    }
}
