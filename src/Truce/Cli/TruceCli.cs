using System.CommandLine;

namespace Truce.Cli;

/// <summary>The `truce` command line: one verb per class, global flags naming the store.</summary>
internal static class TruceCli
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = $"Folder of the embedded SQLite store (default: ./{Storage.StoreLocation.DefaultDataFolder}, or TRUCE_DATA).",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Connection string: a PostgreSQL one (Host=…;Database=…) or a SQLite one (Data Source=file.db). Overrides --data; also TRUCE_DB.",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Truce: monitoring a ceasefire: observations, incidents, corroboration, and a tamper-evident journal.")
        {
            Options = { Data, Db },
        };
        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(MissionCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(JournalCommand.Create());
        root.Subcommands.Add(HandoverCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // `truce` alone serves, so a new user's first command is a working mission; so does `truce --key=value`,
        // the form in which the ASP.NET Core host (and WebApplicationFactory) passes host settings.
        var effective = StartsWithHostSetting(args) ? ["serve", .. args] : args;
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Let exceptions surface (the web host's start-up relies on it) and let the host handle SIGTERM.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            var parse = Build().Parse(effective);
            var code = await parse.InvokeAsync(configuration, cancellationToken);
            // System.CommandLine prints the parse errors and exits 1; a bad command line is 2 for every verb.
            return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
        }
        catch (Exception e) when (e is not Microsoft.Extensions.Hosting.HostAbortedException and not OperationCanceledException)
        {
            // An expected refusal is a value, not an exception; what reaches here is the environment failing
            // (an unreachable server, an unreadable file): say so in one line, not a stack trace.
            await error.WriteLineAsync($"error: {e.GetBaseException().Message}");
            return ExitCodes.Error;
        }
    }

    private static bool StartsWithHostSetting(string[] args) =>
        args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0].Contains('=', StringComparison.Ordinal)
            && !args[0].StartsWith("--data=", StringComparison.Ordinal) && !args[0].StartsWith("--db=", StringComparison.Ordinal));

    /// <summary>The flags given on this command line, as configuration keys.</summary>
    public static Dictionary<string, string?> Flags(ParseResult parse)
    {
        var flags = new Dictionary<string, string?>();
        if (parse.GetValue(Data) is { } data)
        {
            flags["Data"] = data;
        }
        if (parse.GetValue(Db) is { } db)
        {
            flags["Db"] = db;
        }
        return flags;
    }

    public static TruceSettings Settings(ParseResult parse) => TruceSettings.From(TruceSettings.Load(Flags(parse)));
}
