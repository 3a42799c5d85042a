using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.MineAction;

internal sealed class ClearanceTaskConfiguration : IEntityTypeConfiguration<ClearanceTask>
{
    public void Configure(EntityTypeBuilder<ClearanceTask> builder) => builder.HasIndex(r => r.HazardousAreaId);
}
