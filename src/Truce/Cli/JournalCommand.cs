using System.CommandLine;
using Truce.Access;
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
        var viewer = new Option<string?>("--for")
        {
            Description = "Write only what this viewer may see: 'public', or a party's id (what its liaisons see), as a document "
                + "signed with the journal key. Such an export may leave the mission. Without it, the whole journal: every record, "
                + "internal ones and users' password digests included, for the mission's own archive and auditors only.",
        };
        var export = new Command("export", "Write the journal as JSON lines, ending with its head signed by the mission's key; with --for, a redacted export for one viewer.")
        {
            output, viewer,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = await CliStore.ReadyAsync(parse, settings, cancellationToken);
            await using var db = store.Open();
            Viewer? reader = null;
            if (parse.GetValue(viewer) is { } name)
            {
                reader = await RedactedJournalExport.ViewerAsync(db, name.Trim(), cancellationToken);
                if (reader is null)
                {
                    return await CliStore.Refuse(parse, Failure.Field(FailureKind.Invalid, "--for",
                        $"must be '{RedactedJournalExport.Public}' or the id of a party of this mission; '{Submission.Clip(name)}' is neither."));
                }
            }
            var key = await LoadOrCreateKeyAsync(settings.JournalKeyPath, parse, cancellationToken);
            await using var file = parse.GetValue(output) is { } path ? new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) : null;
            var writer = file ?? parse.InvocationConfiguration.Output;
            if (reader is not null)
            {
                var trailer = await RedactedJournalExport.WriteAsync(db, reader, parse.GetValue(viewer)!.Trim(), writer, key, cancellationToken);
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"Exported what {trailer.For} may see: {trailer.Lines - 1} records, signed by public key {trailer.PublicKey}");
                return ExitCodes.Ok;
            }
            var signed = await JournalExport.WriteAsync(db, writer, key, cancellationToken);
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"Exported {signed.Head.Entries} entries; head {signed.Head.Seq} {signed.Head.Hash}, signed by public key {signed.PublicKey}. "
                + "This export holds every record, internal ones included: it stays with the mission.");
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
        var check = new Command("check", "Check an exported journal (the chain, and the head's signature by the given key) or a redacted export (its signature). Needs no store.") { file, key };
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
            var redacted = RedactedExport.IsHeader(File.ReadLines(path).FirstOrDefault() ?? "");
            using var reader = new StreamReader(path);
            var problem = redacted
                ? await RedactedExport.CheckAsync(reader, publicKey, cancellationToken)
                : await JournalExport.CheckAsync(reader, publicKey, cancellationToken);
            if (problem is not null)
            {
                await error.WriteLineAsync($"The export does not check: {problem}.");
                return ExitCodes.Tampered;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync(redacted
                ? "The redacted export checks: every line as signed by the given key."
                : "The export checks: chain intact, head signed by the given key.");
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
