using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Journal;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.HasKey(j => j.Seq);
        // The sequence is the chain's: the writer numbers each entry after the last one, never the database.
        builder.Property(j => j.Seq).ValueGeneratedNever();
        builder.Property(j => j.Hash).HasMaxLength(64);
        builder.Property(j => j.PreviousHash).HasMaxLength(64);
        builder.HasIndex(j => new { j.Entity, j.RecordKey });
    }
}
