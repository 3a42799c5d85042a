using System.CommandLine;
using Truce.Storage;

namespace Truce.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create or upgrade the store's schema (SQLite or PostgreSQL).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var output = parse.InvocationConfiguration.Output;
            var store = new Store(settings.Store, TimeProvider.System);
            var applied = await store.MigrateAsync(cancellationToken);
            await output.WriteLineAsync(applied.Count == 0
                ? $"The schema of {settings.Store.Engine} store {settings.Store.Redacted} is up to date."
                : $"Applied {applied.Count} migration(s) to {settings.Store.Engine} store {settings.Store.Redacted}: {string.Join(", ", applied)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
