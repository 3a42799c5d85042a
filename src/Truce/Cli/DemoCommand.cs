using System.CommandLine;
using Truce.Demo;

namespace Truce.Cli;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Load the demo mission (a simulated exercise at real places) into an empty store.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = await CliStore.ReadyAsync(parse, settings, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (!await DemoMission.LoadAsync(store, cancellationToken: cancellationToken))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("The store already holds a mission; the demo loads only into an empty one.");
                return ExitCodes.Refused;
            }
            await output.WriteLineAsync($"Loaded {DemoMission.Name} into {settings.Store.Engine} store {settings.Store.Redacted}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
