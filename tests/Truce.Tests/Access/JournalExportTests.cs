using System.Net;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Access;

public sealed class JournalExportTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_third_party_checks_an_export_with_the_public_key_and_any_change_to_it_fails(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await monitor.PostAsync("/api/observations", Json.Observation())).StatusCode);
        }
        var folder = Directory.CreateTempSubdirectory("truce-export-").FullName;
        try
        {
            var db = app.Location.ConnectionString;
            var keyFile = Path.Combine(folder, "mission.key");
            var export = Path.Combine(folder, "journal.jsonl");
            var key = (await Cli.Cli.RunAsync("journal", "key", "--db", db, "--data", folder)).Output.Trim();
            var exported = await Cli.Cli.RunAsync("journal", "export", "--out", export, "--db", db, "--data", folder);
            var check = await Cli.Cli.RunAsync("journal", "check", export, "--key", key);

            var lines = await File.ReadAllLinesAsync(export);
            var changed = Path.Combine(folder, "changed.jsonl");
            var target = Array.FindIndex(lines, l => l.Contains("explosion", StringComparison.Ordinal));
            Assert.True(target > 0);
            await File.WriteAllLinesAsync(changed, lines.Select((l, i) => i == target ? l.Replace("explosion", "illumination_flare", StringComparison.Ordinal) : l));
            var cut = Path.Combine(folder, "cut.jsonl");
            await File.WriteAllLinesAsync(cut, lines.SkipLast(2));
            var otherKey = Convert.ToBase64String(Truce.Journal.JournalExport.NewKey().Public);

            Assert.Equal(0, exported.ExitCode);
            Assert.Equal(0, check.ExitCode);
            Assert.Contains("head signed", check.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "journal-signing.key")));
            Assert.False(File.Exists(keyFile));
            var changedCheck = await Cli.Cli.RunAsync("journal", "check", changed, "--key", key);
            Assert.Equal(4, changedCheck.ExitCode);
            Assert.Contains($"line {target + 1}:", changedCheck.Error, StringComparison.Ordinal);
            Assert.Equal(4, (await Cli.Cli.RunAsync("journal", "check", cut, "--key", key)).ExitCode);
            var wrongKey = await Cli.Cli.RunAsync("journal", "check", export, "--key", otherKey);
            Assert.Equal(4, wrongKey.ExitCode);
            Assert.Contains("does not verify with this key", wrongKey.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
