using System.Text.RegularExpressions;

namespace Truce.Tests.Web;

public sealed partial class SettingsTests
{
    /// <summary>A row of README.md's Configuration table: | `Key` | flag | environment | `default` or (none) | meaning |</summary>
    [GeneratedRegex(@"^\|\s*`(?<key>[^`]+)`\s*\|[^|]*\|[^|]*\|\s*(?:`(?<default>[^`]*)`|\(none\))\s*\|")]
    private static partial Regex Row();

    private static string ReadmePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Truce.slnx")))
            {
                return Path.Combine(folder.FullName, "README.md");
            }
        }
        throw new InvalidOperationException("The repository root (Truce.slnx) is not above the test's folder.");
    }

    [Fact]
    public void The_READMEs_configuration_table_lists_every_setting_with_its_default_and_nothing_else()
    {
        var lines = File.ReadAllLines(ReadmePath());
        var start = Array.FindIndex(lines, l => l.Trim() == "## Configuration");
        Assert.True(start >= 0, "README.md has no '## Configuration' section.");
        var documented = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => Row().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["key"].Value, m.Groups["default"].Value)).ToList();

        var known = TruceSettings.Keys.Select(k => (k.Key, k.Default)).ToList();

        Assert.Equal(known, documented);
    }

    [Fact]
    public void A_setting_left_out_takes_the_default_the_table_states()
    {
        var settings = TruceSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        string Default(string key) => TruceSettings.Keys.Single(k => k.Key == key).Default;

        Assert.Equal(Default("Urls"), settings.Urls);
        Assert.Equal(Default("Evidence:MaxBytes"), settings.EvidenceMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Default("Public:PrecisionM"), settings.PublicPrecisionM.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Default("RateLimits:SignInsPerMinute"), settings.SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Default("RateLimits:SubmissionsPerMinute"), settings.SubmissionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Path.GetFullPath(Default("Data")), settings.DataFolder);
        Assert.Equal(Path.Combine(settings.DataFolder, "journal-signing.key"), settings.JournalKeyPath);
        Assert.False(settings.Demo);
        Assert.False(settings.BenchEcho);
        Assert.Null(settings.TileUrl);
    }
}
