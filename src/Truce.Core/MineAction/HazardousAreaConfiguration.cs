using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.MineAction;

internal sealed class HazardousAreaConfiguration : IEntityTypeConfiguration<HazardousArea>
{
    public void Configure(EntityTypeBuilder<HazardousArea> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Ignore(a => a.IsReleased);
    }
}
