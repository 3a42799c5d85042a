using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Hotline;

internal sealed class HotlineThreadConfiguration : IEntityTypeConfiguration<HotlineThread>
{
    public void Configure(EntityTypeBuilder<HotlineThread> builder)
    {
        builder.HasIndex(t => t.PartyId);
        builder.HasIndex(t => t.OtherPartyId);
        builder.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.ThreadId);
    }
}
