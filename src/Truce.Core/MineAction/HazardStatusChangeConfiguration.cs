using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.MineAction;

internal sealed class HazardStatusChangeConfiguration : IEntityTypeConfiguration<HazardStatusChange>
{
    public void Configure(EntityTypeBuilder<HazardStatusChange> builder) => builder.HasIndex(c => new { c.HazardousAreaId, c.At });
}
