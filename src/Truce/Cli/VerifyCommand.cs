using System.CommandLine;
using Truce.Journal;
using Truce.Storage;

namespace Truce.Cli;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", "Recompute the journal's hash chain; exit 4 naming the first entry that does not match.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = new Store(settings.Store, TimeProvider.System);
            if (await CliStore.NotReady(store, parse) is { } notReady)
            {
                return notReady;
            }
            await using var db = store.Open();
            var report = await JournalVerifier.VerifyAsync(db, cancellationToken);
            if (report.Break is { } broken)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"The journal does not verify: {broken}.");
                return ExitCodes.Tampered;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync($"The journal verifies: {report.Entries} entries, chain intact.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
