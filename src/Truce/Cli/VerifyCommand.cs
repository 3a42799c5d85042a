using System.CommandLine;
using Truce.Journal;
using Truce.Storage;

namespace Truce.Cli;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify",
            "Recompute the journal's hash chain and check that every record is what the journal says; exit 4 naming the first entry or record that does not match.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = await CliStore.ReadyAsync(parse, settings, cancellationToken);
            await using var db = store.Open();
            var report = await JournalVerifier.VerifyAsync(db, cancellationToken);
            if (report.Break is { } broken)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"The journal does not verify: {broken}.");
                return ExitCodes.Tampered;
            }
            if (await StateVerifier.FirstMismatchAsync(db, cancellationToken) is { } mismatch)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"The store does not match its journal: {mismatch}.");
                return ExitCodes.Tampered;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"The journal verifies: {report.Entries} entries, chain intact, every record matches its last entry.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
