using Truce.Cli;

namespace Truce.Tests.Cli;

/// <summary>Runs a `truce` command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TruceCli.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return new Run(code, output.ToString(), error.ToString());
    }
}
