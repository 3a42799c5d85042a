using System.Net;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Trust;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>
/// Issue 7, item 14: `truce journal export --for public|PARTY` holds only what that viewer may see, nothing of users,
/// and checks with the mission's public key; the full export stays the mission's.
/// </summary>
public sealed class RedactedExportTests
{
    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_public_export_leaves_out_internal_records_and_users_and_checks_with_the_key(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var published = Guid.NewGuid();
        var internalReport = Guid.NewGuid();
        var publicBody = Json.Observation(published);
        publicBody["narrative"] = "Published shelling near the bridge";
        publicBody["visibility"] = "public";
        var internalBody = Json.Observation(internalReport);
        internalBody["narrative"] = "Internal patrol note kept by the mission";
        internalBody["visibility"] = "internal";
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", publicBody)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsync("/api/observations", internalBody)).StatusCode);
        string passwordDigest;
        await using (var db = app.Store.Open())
        {
            var user = await db.Users.AsNoTracking().FirstAsync(u => u.Name == "analyst1");
            passwordDigest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user.PasswordHash)));
        }
        var folder = Directory.CreateTempSubdirectory("truce-redacted-").FullName;
        try
        {
            var db = app.Location.ConnectionString;
            var full = Path.Combine(folder, "full.jsonl");
            var redacted = Path.Combine(folder, "public.jsonl");
            var key = (await Cli.RunAsync("journal", "key", "--db", db, "--data", folder)).Output.Trim();
            Assert.Equal(0, (await Cli.RunAsync("journal", "export", "--out", full, "--db", db, "--data", folder)).ExitCode);
            var exported = await Cli.RunAsync("journal", "export", "--for", "public", "--out", redacted, "--db", db, "--data", folder);
            var check = await Cli.RunAsync("journal", "check", redacted, "--key", key);
            var text = await File.ReadAllTextAsync(redacted);
            var lines = await File.ReadAllLinesAsync(redacted);
            var changed = Path.Combine(folder, "changed.jsonl");
            await File.WriteAllLinesAsync(changed, lines.Select(l => l.Replace("bridge", "market", StringComparison.Ordinal)));
            var dropped = Path.Combine(folder, "dropped.jsonl");
            await File.WriteAllLinesAsync(dropped, lines.Where(l => !l.Contains("bridge", StringComparison.Ordinal)));

            // The full export holds both (so the test would see them if the redacted one leaked them).
            var fullText = await File.ReadAllTextAsync(full);
            Assert.Contains("Internal patrol note", fullText, StringComparison.Ordinal);
            Assert.Contains(passwordDigest, fullText, StringComparison.Ordinal);
            Assert.True(exported.ExitCode == 0, exported.Error);
            Assert.True(check.ExitCode == 0, check.Error);
            Assert.Contains(published.ToString(), text, StringComparison.Ordinal);
            Assert.Contains("Published shelling near the bridge", text, StringComparison.Ordinal);
            Assert.DoesNotContain(internalReport.ToString(), text, StringComparison.Ordinal);
            Assert.DoesNotContain("Internal patrol note", text, StringComparison.Ordinal);
            Assert.DoesNotContain(passwordDigest, text, StringComparison.Ordinal);
            Assert.DoesNotContain("analyst1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(4, (await Cli.RunAsync("journal", "check", changed, "--key", key)).ExitCode);
            Assert.Equal(4, (await Cli.RunAsync("journal", "check", dropped, "--key", key)).ExitCode);
            Assert.Equal(4, (await Cli.RunAsync("journal", "check", redacted, "--key", Convert.ToBase64String(Truce.Journal.JournalExport.NewKey().Public))).ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_export_for_a_viewer_that_is_neither_public_nor_a_party_is_refused_naming_the_flag()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var folder = Directory.CreateTempSubdirectory("truce-redacted-").FullName;
        try
        {
            var refused = await Cli.RunAsync("journal", "export", "--for", "nobody-party", "--db", app.Location.ConnectionString, "--data", folder);

            Assert.Equal(3, refused.ExitCode);
            Assert.Contains("--for", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
