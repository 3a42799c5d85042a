using System.CommandLine;
using Truce.Journal;
using Truce.Storage;

namespace Truce.Cli;

/// <summary>`truce journal export|check|key`: a copy of the journal that anyone can check without the server.</summary>
internal static class JournalCommand
{
    public static Command Create()
    {
        var command = new Command("journal", "Export the journal signed with the mission's Ed25519 key, check such a copy, show the key.");
        command.Subcommands.Add(ExportVerb());
        command.Subcommands.Add(CheckVerb());
        command.Subcommands.Add(KeyVerb());
        return command;
    }

    private static Command ExportVerb()
    {
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var export = new Command("export", "Write the journal as JSON lines, ending with its head signed by the mission's key.") { output };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = await CliStore.ReadyAsync(parse, settings, cancellationToken);
            var key = await LoadOrCreateKeyAsync(settings.JournalKeyPath, parse, cancellationToken);
            await using var db = store.Open();
            JournalSignature signed;
            if (parse.GetValue(output) is { } path)
            {
                await using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
                signed = await JournalExport.WriteAsync(db, file, key, cancellationToken);
            }
            else
            {
                signed = await JournalExport.WriteAsync(db, parse.InvocationConfiguration.Output, key, cancellationToken);
            }
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"Exported {signed.Head.Entries} entries; head {signed.Head.Seq} {signed.Head.Hash}, signed by public key {signed.PublicKey}");
            return ExitCodes.Ok;
        });
        return export;
    }

    private static Command CheckVerb()
    {
        var file = new Argument<string>("FILE") { Description = "An export written by `truce journal export`." };
        var key = new Option<string>("--key")
        {
            Description = "The mission's public key (base64, as `truce journal key` prints it) or a file holding it. Obtain it from the mission, not from the export.",
            Required = true,
        };
        var check = new Command("check", "Check an exported journal: the chain, and the head's signature by the given key. Needs no store.") { file, key };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var keyText = parse.GetValue(key)!;
            if (File.Exists(keyText))
            {
                keyText = (await File.ReadAllTextAsync(keyText, cancellationToken)).Trim();
            }
            byte[] publicKey;
            try
            {
                publicKey = Convert.FromBase64String(keyText);
            }
            catch (FormatException)
            {
                await error.WriteLineAsync("--key: not base64 and not a readable file.");
                return ExitCodes.Usage;
            }
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"FILE: {path} does not exist.");
                return ExitCodes.Usage;
            }
            using var reader = new StreamReader(path);
            if (await JournalExport.CheckAsync(reader, publicKey, cancellationToken) is { } problem)
            {
                await error.WriteLineAsync($"The export does not check: {problem}.");
                return ExitCodes.Tampered;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync("The export checks: chain intact, head signed by the given key.");
            return ExitCodes.Ok;
        });
        return check;
    }

    private static Command KeyVerb()
    {
        var keyCommand = new Command("key", "Print the mission's public journal key (creating the key pair on first use), to hand to those who will check exports.");
        keyCommand.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var key = await LoadOrCreateKeyAsync(settings.JournalKeyPath, parse, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(Convert.ToBase64String(JournalExport.PublicKeyOf(key)));
            return ExitCodes.Ok;
        });
        return keyCommand;
    }

    /// <summary>The private key from its file (setting JournalKey, default DATA/journal-signing.key), made on first use with owner-only permissions.</summary>
    private static async Task<byte[]> LoadOrCreateKeyAsync(string path, ParseResult parse, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String((await File.ReadAllTextAsync(path, cancellationToken)).Trim());
        }
        var (privateKey, _) = JournalExport.NewKey();
        await OwnerOnly.WriteAllTextAsync(path, Convert.ToBase64String(privateKey) + "\n", cancellationToken);
        await parse.InvocationConfiguration.Error.WriteLineAsync($"Created the mission's journal signing key at {path}; keep it secret and backed up.");
        return privateKey;
    }
}
