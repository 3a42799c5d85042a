using System.CommandLine;
using Truce.Handovers;

namespace Truce.Cli;

/// <summary>`truce handover check`: a handover certificate checked offline against the mission's public key.</summary>
internal static class HandoverCommand
{
    public static Command Create()
    {
        var command = new Command("handover", "Handover certificates: check a signed copy offline.");
        command.Subcommands.Add(CheckVerb());
        return command;
    }

    private static Command CheckVerb()
    {
        var file = new Argument<string>("FILE") { Description = "A certificate as /api/handover/handovers/ID/certificate.txt answers it." };
        var key = new Option<string>("--key")
        {
            Description = "The mission's public key (base64, as `truce journal key` prints it) or a file holding it. Obtain it from the mission, not from the certificate.",
            Required = true,
        };
        var check = new Command("check", "Check a handover certificate: its text against its signed hash, and the signature by the given key. Needs no store.") { file, key };
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
            if (HandoverCertificate.Check(await File.ReadAllTextAsync(path, cancellationToken), publicKey) is { } problem)
            {
                await error.WriteLineAsync($"The certificate does not check: {problem}.");
                return ExitCodes.Tampered;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync("The certificate checks: its text is the one signed, by the given key.");
            return ExitCodes.Ok;
        });
        return check;
    }
}
