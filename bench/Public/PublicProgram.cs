using System.CommandLine;
using System.Globalization;

namespace Truce.Bench.Public;

/// <summary>
/// dotnet run -c Release --project bench/Public -- [--clients 32] [--seconds 10] [--quick]
/// (Not top-level statements: src/Truce, referenced for truce.dll, has its own Program.)
/// </summary>
internal static class PublicProgram
{
    /// <summary>Issue 11: every public page at least half the static file's rate.</summary>
    private const double Target = 0.5;

    public static async Task<int> Main(string[] args)
    {
        var clients = new Option<int?>("--clients") { Description = $"Concurrent keep-alive clients (default 32, at most {PublicOptions.MaxClients})." };
        var seconds = new Option<double?>("--seconds") { Description = $"How long each target is read, in seconds (default 10, at most {PublicOptions.MaxPhase.TotalSeconds})." };
        var quick = new Option<bool>("--quick") { Description = "2 clients, 1 s per target: fails (exit 1) if any request fails or a page answers other than 200; measures nothing." };
        var root = new RootCommand("Public pages benchmark: the demo mission's public pages against a static file of the home page's size, from the same server in the same run.")
        {
            Options = { clients, seconds, quick },
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var defaults = parse.GetValue(quick) ? PublicOptions.Quick : PublicOptions.Standard;
            var options = new PublicOptions(
                parse.GetValue(clients) ?? defaults.Clients,
                parse.GetValue(seconds) is { } s ? TimeSpan.FromSeconds(s) : defaults.Phase).Capped();
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{Environment.ProcessorCount} cores; {options.Clients} clients over keep-alive, {options.Phase.TotalSeconds} s per target after a warm-up of a tenth of that"));
            await output.WriteLineAsync(PublicBenchmark.Header);
            var results = await PublicBenchmark.RunAsync(options, output, cancellationToken);
            var baseline = results.Single(r => r.Name == PublicBenchmark.StaticName).PerSecond;
            var slow = results.Where(r => r.Name != PublicBenchmark.StaticName && r.PerSecond < Target * baseline).Select(r => r.Name).ToList();
            await output.WriteLineAsync(slow.Count == 0
                ? $"every public page at least {Target:P0} of the static rate"
                : $"under {Target:P0} of the static rate: {string.Join(", ", slow)}");
            // Timings never fail the run (a loaded machine would make CI flaky); a failed request or a non-200 page does.
            var broken = results.Where(r => r.Failed > 0 || r.Succeeded == 0).Select(r => r.Name).ToList();
            if (broken.Count > 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"failed requests or answers other than 200: {string.Join(", ", broken)}");
                return 1;
            }
            return 0;
        });
        return await root.Parse(args).InvokeAsync();
    }
}
