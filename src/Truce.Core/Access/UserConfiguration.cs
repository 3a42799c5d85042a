using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Storage;

namespace Truce.Access;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasIndex(u => u.Name).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.PasswordHash).IsSecret();
        builder.Property(u => u.Language).HasMaxLength(16);
    }
}
