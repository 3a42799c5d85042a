using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.MineAction;

internal sealed class LandReleaseEventConfiguration : IEntityTypeConfiguration<LandReleaseEvent>
{
    public void Configure(EntityTypeBuilder<LandReleaseEvent> builder) => builder.HasIndex(r => r.HazardousAreaId);
}
