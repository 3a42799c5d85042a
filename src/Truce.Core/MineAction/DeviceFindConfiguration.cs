using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.MineAction;

internal sealed class DeviceFindConfiguration : IEntityTypeConfiguration<DeviceFind>
{
    public void Configure(EntityTypeBuilder<DeviceFind> builder) => builder.HasIndex(r => r.HazardousAreaId);
}
