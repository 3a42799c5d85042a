using System.CommandLine;
using Truce.Storage;

namespace Truce.Cli;

/// <summary>What every verb that reads or writes the store says when it cannot.</summary>
internal static class CliStore
{
    /// <summary>
    /// The store this command line names, when its schema is current; otherwise null, having told the user
    /// to run `truce migrate` (the caller exits with <see cref="ExitCodes.Error"/>).
    /// </summary>
    public static async Task<Store?> ReadyAsync(ParseResult parse, TruceSettings? settings = null)
    {
        var store = new Store((settings ?? TruceCli.Settings(parse)).Store, TimeProvider.System);
        return await NotReady(store, parse) is null ? store : null;
    }

    /// <summary>An exit code when the store has no schema yet (or an older one); null when it is ready.</summary>
    public static async Task<int?> NotReady(Store store, ParseResult parse)
    {
        var pending = await store.PendingMigrationsAsync();
        if (pending.Count == 0)
        {
            return null;
        }
        await parse.InvocationConfiguration.Error.WriteLineAsync(
            $"The {store.Location.Engine} store {store.Location.Redacted} has {pending.Count} pending migration(s): run `truce migrate` first.");
        return ExitCodes.Error;
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
