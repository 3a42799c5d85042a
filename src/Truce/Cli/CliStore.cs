using System.CommandLine;
using Truce.Storage;

namespace Truce.Cli;

/// <summary>The store every verb that reads or writes it opens, and how a verb says it refused.</summary>
internal static class CliStore
{
    /// <summary>
    /// The store this command line names, with its schema brought up to date first: a new data folder or an
    /// empty database is created, an older schema upgraded, as `truce serve` and `truce migrate` do, so every
    /// verb behaves alike on a new store. What was applied is said on standard error (standard output may be
    /// an export).
    /// </summary>
    public static async Task<Store> ReadyAsync(ParseResult parse, TruceSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var location = (settings ?? TruceCli.Settings(parse)).Store;
        var store = new Store(location, TimeProvider.System);
        var applied = await store.MigrateAsync(cancellationToken);
        if (applied.Count > 0)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"Brought the {location.Engine} store {location.Redacted} up to date: applied {applied.Count} migration(s).");
        }
        return store;
    }

    public static async Task<int> Refuse(ParseResult parse, Failure failure)
    {
        var error = parse.InvocationConfiguration.Error;
        await error.WriteLineAsync($"error: {failure.Title}");
        foreach (var (field, messages) in failure.Errors)
        {
            foreach (var message in messages)
            {
                await error.WriteLineAsync($"  {field}: {message}");
            }
        }
        return ExitCodes.Refused;
    }
}
