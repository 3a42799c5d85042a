using System.Text.RegularExpressions;

namespace Truce.Tests.Cli;

/// <summary>`truce --help` and the README's Command line table name the same verbs, so neither can drift from the code.</summary>
public sealed partial class HelpTests
{
    [Fact]
    public async Task Every_verb_of_the_cli_is_in_the_readme_table_and_every_verb_of_the_table_exists()
    {
        var cli = await LeafVerbsAsync([]);
        var readme = ReadmeVerbs();

        Assert.Empty(cli.Except(readme));   // verbs the README does not describe
        Assert.Empty(readme.Except(cli));   // verbs the README names that do not exist
        Assert.Contains("user password", cli);
    }

    [Fact]
    public async Task The_help_advertises_only_what_is_built()
    {
        var run = await Cli.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var unbuilt in new[] { "hotline", "humanitarian register" })
        {
            Assert.DoesNotContain(unbuilt, run.Output, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The verbs that do something ("user add", not "user"), found by reading each command's help as a user would.</summary>
    private static async Task<SortedSet<string>> LeafVerbsAsync(string[] path)
    {
        var run = await Cli.RunAsync([.. path, "--help"]);
        Assert.True(run.ExitCode == 0, $"truce {string.Join(' ', path)} --help exited {run.ExitCode}: {run.Error}");
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var subcommands = Subcommands(run.Output);
        if (subcommands.Count == 0)
        {
            found.Add(string.Join(' ', path));
        }
        foreach (var subcommand in subcommands)
        {
            found.UnionWith(await LeafVerbsAsync([.. path, subcommand]));
        }
        return found;
    }

    /// <summary>The names in a help text's "Commands:" section: lines indented by exactly two spaces, up to a blank line.</summary>
    private static List<string> Subcommands(string help)
    {
        var lines = help.ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, "Commands:");
        return start < 0 ? [] : [.. lines.Skip(start + 1).TakeWhile(l => l.Length > 0)
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' ')
            .Select(l => l.Trim().Split(' ')[0])];
    }

    /// <summary>
    /// The verbs of the first column of README's Command line table: in each `truce …` span, the lower-case words
    /// after `truce` up to the first argument or option (`truce user add NAME` is "user add"; bare `truce` is none).
    /// </summary>
    private static SortedSet<string> ReadmeVerbs()
    {
        var readme = File.ReadAllText(TestEnvironment.RepositoryFile("README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("\n## Command line\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var verbs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in section.Split('\n').Where(l => l.StartsWith("| `truce", StringComparison.Ordinal)))
        {
            var firstCell = CellSeparator().Split(row)[1];
            foreach (Match span in TruceSpan().Matches(firstCell))
            {
                var words = span.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => VerbWord().IsMatch(w)).ToList();
                if (words.Count > 0)
                {
                    verbs.Add(string.Join(' ', words));
                }
            }
        }
        Assert.True(verbs.Count > 5, "the README's Command line table was not found");
        return verbs;
    }

    /// <summary>A table cell boundary: a pipe not escaped as \|.</summary>
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex("`truce((?: [^`]*)?)`")]
    private static partial Regex TruceSpan();

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex VerbWord();
}
