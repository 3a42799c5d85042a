using FsCheck;
using FsCheck.Fluent;
using Truce.Journal;

namespace Truce.Core.Tests.Journal;

public sealed class JournalChainTests
{
    private static List<JournalEntry> Chain(int length)
    {
        var entries = new List<JournalEntry>();
        JournalEntry? previous = null;
        for (var i = 0; i < length; i++)
        {
            var entry = new JournalEntry
            {
                At = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
                Actor = i % 2 == 0 ? "monitor.alpha" : "analyst.demo",
                Action = "insert",
                Entity = "observations",
                RecordKey = $"00000000-0000-0000-0000-{i:000000000000}",
                After = $$"""{"count":{{i}},"narrative":"report {{i}}"}""",
            };
            JournalChain.Seal(entry, previous);
            entries.Add(entry);
            previous = entry;
        }
        return entries;
    }

    [Fact]
    public void A_sealed_chain_holds_and_starts_from_the_genesis()
    {
        var chain = Chain(5);
        Assert.Null(JournalChain.FirstBreak(chain));
        Assert.Equal(JournalChain.Genesis, chain[0].PreviousHash);
        Assert.Equal([1L, 2, 3, 4, 5], chain.Select(e => e.Seq));
        Assert.Equal(chain[3].Hash, chain[4].PreviousHash);
    }

    [Fact]
    public void The_hash_is_sha256_of_the_documented_fields()
    {
        var entry = Chain(1)[0];
        var text = string.Join('\n', JournalChain.Genesis, "1", "2026-11-01T00:00:00.000000Z", "monitor.alpha", "insert",
            "observations", "00000000-0000-0000-0000-000000000000", "", entry.After);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, entry.Hash);
    }

    public static TheoryData<string> Fields() => ["At", "Actor", "Action", "Entity", "RecordKey", "Before", "After"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_of_an_entry_is_found_at_that_entry(string field)
    {
        var chain = Chain(6);
        var target = chain[3];
        switch (field)
        {
            case "At": target.At = target.At.AddSeconds(1); break;
            case "Actor": target.Actor = "admin"; break;
            case "Action": target.Action = "delete"; break;
            case "Entity": target.Entity = "incidents"; break;
            case "RecordKey": target.RecordKey = "x"; break;
            case "Before": target.Before = "{}"; break;
            default: target.After = target.After!.Replace("report", "rumour", StringComparison.Ordinal); break;
        }
        var broken = JournalChain.FirstBreak(chain);
        Assert.NotNull(broken);
        Assert.Equal(4, broken.Seq);
    }

    [Fact]
    public void A_removed_entry_is_found_where_the_gap_is()
    {
        var chain = Chain(6);
        chain.RemoveAt(2);
        Assert.Equal(4, JournalChain.FirstBreak(chain)!.Seq);
    }

    [Fact]
    public void A_rehashed_entry_still_breaks_the_link_to_the_next()
    {
        var chain = Chain(6);
        chain[2].Actor = "someone else";
        chain[2].Hash = JournalChain.HashOf(chain[2]);
        var broken = JournalChain.FirstBreak(chain)!;
        Assert.Equal(4, broken.Seq);
        Assert.Contains("previous-hash", broken.Reason, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Any_single_change_is_detected_at_or_before_the_changed_entry() =>
        Prop.ForAll(Gen.Choose(2, 30).SelectMany(n => Gen.Choose(0, n - 1).Select(i => (n, i))).ToArbitrary(), pair =>
        {
            var (length, index) = pair;
            var chain = Chain(length);
            chain[index].After += " ";
            var broken = JournalChain.FirstBreak(chain);
            return broken is not null && broken.Seq == index + 1;
        });

    [Fact]
    public void An_entrys_hash_is_the_SHA256_of_its_fields_joined_by_newlines_in_UTF8()
    {
        var entry = new JournalEntry
        {
            Seq = 42,
            At = new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero).AddTicks(1230),
            Actor = "analyst.ünal (5d0c)",
            Action = "update",
            Entity = "observations",
            RecordKey = "a/b",
            Before = """{"narrative":"Шелл near the \"bridge\" 🌉"}""",
            After = null,
            PreviousHash = new string('a', 64),
        };
        var text = $"{new string('a', 64)}\n42\n2026-11-01T08:30:00.000123Z\nanalyst.ünal (5d0c)\nupdate\nobservations\na/b\n"
            + """{"narrative":"Шелл near the \"bridge\" 🌉"}""" + "\n";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(expected, JournalChain.HashOf(entry));
    }
}
