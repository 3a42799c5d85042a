using System.Text;
using Truce.Storage;

namespace Truce.Tests.Access;

/// <summary>Broken and hostile files given to `truce import`: refused with the line named, nothing imported, never a crash.</summary>
public sealed class HostileFileTests
{
    public static TheoryData<string, string, byte[]> Files => new()
    {
        { "geojson", "truncated", Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[45") },
        { "geojson", "deeply nested", Encoding.UTF8.GetBytes(new string('[', 10_000)) },
        { "geojson", "not a collection", Encoding.UTF8.GetBytes("{\"type\":\"Feature\"}") },
        { "geojson", "invalid UTF-8", [0x7B, 0x22, 0xC3, 0x28, 0xFF] },
        { "ucdp", "invalid UTF-8", [.. Encoding.UTF8.GetBytes("relid,year\n"), 0xFF, 0xFE, 0x2C, 0x31, 0x0A] },
        { "ucdp", "binary noise", [.. Enumerable.Range(0, 2000).Select(i => (byte)((i * 7919) % 256))] },
        { "acled", "header only", Encoding.UTF8.GetBytes("event_id_cnty,event_date\n") },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_broken_file_is_refused_naming_the_line_and_nothing_is_imported(string format, string what, byte[] content)
    {
        await using var store = await ScratchStore.CreateAsync(Engine.Sqlite);
        var db = store.Location.ConnectionString;
        var path = Path.Combine(Path.GetTempPath(), $"truce-hostile-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            await Cli.Cli.RunAsync("migrate", "--db", db);
            var run = await Cli.Cli.RunAsync("import", format, path, "--db", db);
            var verify = await Cli.Cli.RunAsync("verify", "--db", db);

            Assert.True(run.ExitCode is 1 or 3, $"{what}: exit {run.ExitCode}");
            Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            Assert.Contains("Store: 0 observations", await CountAsync(store), StringComparison.Ordinal);
            Assert.Equal(0, verify.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> CountAsync(ScratchStore store)
    {
        await using var db = new Store(store.Location, TimeProvider.System).Open();
        return $"Store: {await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Observations)} observations";
    }
}
