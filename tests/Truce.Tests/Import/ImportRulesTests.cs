using System.Text;
using Microsoft.EntityFrameworkCore;
using Truce.Import;
using Truce.Storage;

namespace Truce.Tests.Import;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>One set of rules for every way in: an import accepts nothing the API refuses, and says why per line.</summary>
public sealed class ImportRulesTests
{
    private static async Task<ScratchStore> DemoStoreAsync()
    {
        var store = await ScratchStore.CreateAsync(Engine.Sqlite);
        Assert.Equal(0, (await Cli.RunAsync("demo", "--db", store.Location.ConnectionString)).ExitCode);
        return store;
    }

    private static async Task<long> ObservationsAsync(ScratchStore store)
    {
        await using var db = new Store(store.Location, TimeProvider.System).Open();
        return await db.Observations.LongCountAsync(o => o.Source == "Partner NGO");
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "alleged_party", "no-such-party", "is not a party of this mission" },
        { "narrative", "bell\u0007 rings", "control characters" },
        { "area_name", "tab\u0001", "control characters" },
        { "source", "x\u001b[31mred", "control characters" },
        { "observed_from", "1800-01-01T00:00:00Z", "1900-01-01" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_truce_file_with_what_the_API_refuses_imports_nothing_and_names_the_line_and_column(string column, string value, string message)
    {
        await using var store = await DemoStoreAsync();
        var before = await ObservationsAsync(store);
        var changes = new Dictionary<string, string> { [column] = value };
        if (column == "observed_from")
        {
            changes["observed_to"] = value;
        }
        var path = TruceFiles.Write(new Dictionary<string, string>(), changes);

        var run = await Cli.RunAsync("import", "truce", path, "--db", store.Location.ConnectionString);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"line 3: {column}", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await ObservationsAsync(store));
    }

    [Fact]
    public async Task A_party_of_the_mission_is_accepted()
    {
        await using var store = await DemoStoreAsync();
        await using var db = new Store(store.Location, TimeProvider.System).Open();
        var party = await db.Parties.Select(p => p.Id).FirstAsync();
        var path = TruceFiles.Write(new Dictionary<string, string> { ["alleged_party"] = party });

        var run = await Cli.RunAsync("import", "truce", path, "--db", store.Location.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task Invalid_UTF8_is_refused_naming_the_line()
    {
        await using var store = await DemoStoreAsync();
        var path = TruceFiles.Write(new Dictionary<string, string>(), new Dictionary<string, string> { ["narrative"] = "BROKEN" });
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("BROKEN"u8);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        bytes[at + 2] = 0xFF;
        File.WriteAllBytes(path, bytes);

        var run = await Cli.RunAsync("import", "truce", path, "--db", store.Location.ConnectionString);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("line 3", run.Error, StringComparison.Ordinal);
        Assert.Contains("UTF-8", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await ObservationsAsync(store));
    }

    [Fact]
    public async Task A_duplicate_header_column_exits_3_naming_it()
    {
        await using var store = await DemoStoreAsync();
        var path = TruceFiles.Write(new Dictionary<string, string>());
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, [lines[0] + ",narrative", lines[1] + ",again"]);

        var run = await Cli.RunAsync("import", "truce", path, "--db", store.Location.ConnectionString);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("line 1: narrative", run.Error, StringComparison.Ordinal);
        Assert.Contains("more than once", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_field_exits_3_naming_the_line()
    {
        await using var store = await DemoStoreAsync();
        var path = TruceFiles.Write(new Dictionary<string, string>(), new Dictionary<string, string> { ["narrative"] = new string('x', 20_000_000) });

        var run = await Cli.RunAsync("import", "truce", path, "--db", store.Location.ConnectionString);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("line 3", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await ObservationsAsync(store));
    }
}
