using System.CommandLine;

namespace Truce.Bench.Load;

/// <summary>
/// dotnet run -c Release --project bench/Load -- [--clients 32] [--seconds 15] [--max-requests N] [--pg CONNECTION] [--quick] [--burst]
/// (Not top-level statements: src/Truce, referenced for truce.dll, has its own Program.)
/// </summary>
internal static class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        var clients = new Option<int?>("--clients") { Description = $"Concurrent clients (default 32, at most {LoadOptions.MaxClients})." };
        var seconds = new Option<double?>("--seconds") { Description = $"Length of each phase in seconds (default 15, at most {LoadOptions.MaxPhase.TotalSeconds})." };
        var maxRequests = new Option<long?>("--max-requests") { Description = $"Most requests in one phase (default 1000000, at most {LoadOptions.MaxRequestsCap})." };
        var pg = new Option<string?>("--pg") { Description = "Also run on PostgreSQL: an admin connection string where a scratch database may be created (default: TRUCE_TEST_PG when set)." };
        var quick = new Option<bool>("--quick") { Description = "2 clients, 1 s per phase: shows the run works, measures nothing." };
        var burst = new Option<bool>("--burst") { Description = "Instead: 200 clients for 5 s after idle (with --quick, 1 s); fails on any 5xx but 503 with Retry-After, any timeout, any loss." };
        var root = new RootCommand("Load benchmark: concurrent observation submissions over HTTP beside the ceiling of the same server.")
        {
            Options = { clients, seconds, maxRequests, pg, quick, burst },
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var defaults = parse.GetValue(quick) ? LoadOptions.Quick : LoadOptions.Standard;
            var options = new LoadOptions(
                parse.GetValue(clients) ?? defaults.Clients,
                parse.GetValue(seconds) is { } s ? TimeSpan.FromSeconds(s) : defaults.Phase,
                parse.GetValue(maxRequests) ?? defaults.MaxRequests).Capped();
            var postgres = parse.GetValue(pg) ?? (Environment.GetEnvironmentVariable("TRUCE_TEST_PG") is { Length: > 0 } env ? env : null);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(burst))
            {
                var passed = true;
                foreach (var admin in postgres is null ? new string?[] { null } : [null, postgres])
                {
                    var length = parse.GetValue(seconds) is { } b ? TimeSpan.FromSeconds(Math.Clamp(b, 1, 30)) : TimeSpan.FromSeconds(parse.GetValue(quick) ? 1 : 5);
                    var report = await BurstBenchmark.RunAsync(admin, Math.Clamp(parse.GetValue(clients) ?? 200, 1, LoadOptions.MaxClients), length, output, cancellationToken);
                    passed &= report.Passed;
                }
                return passed ? 0 : 1;
            }
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores; {options.Clients} clients, {options.Phase.TotalSeconds} s per phase, at most {options.MaxRequests} requests each; durability on (SQLite synchronous=FULL, PostgreSQL synchronous_commit as configured)");
            await output.WriteLineAsync(LoadBenchmark.Header);
            var durable = true;
            foreach (var admin in postgres is null ? new string?[] { null } : [null, postgres])
            {
                var report = await LoadBenchmark.RunAsync(admin, options, output, cancellationToken);
                // Nothing acknowledged would make "nothing lost" prove nothing; in the quick run (what CI runs) two
                // clients must also see no failed submission.
                durable &= report.Durable && report.Acknowledged > 0 && report.Ceiling.Succeeded > 0 && (!parse.GetValue(quick) || report.Submit.Failed == 0);
            }
            // Timings never fail the run; a lost or unjournaled acknowledged observation does (exit 1).
            return durable ? 0 : 1;
        });
        return await root.Parse(args).InvokeAsync();
    }
}
