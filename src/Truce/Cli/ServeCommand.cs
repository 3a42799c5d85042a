using System.CommandLine;
using Truce.Web;

namespace Truce.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Load the demo mission (a simulated exercise) into an empty store." };
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {TruceSettings.DefaultUrls})." };
        var command = new Command("serve", "Run the web server: the pages and the JSON API. Other --key=value flags go to the ASP.NET Core host.")
        {
            Options = { demo, urls },
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var flags = TruceCli.Flags(parse);
            if (parse.GetValue(demo))
            {
                flags["Demo"] = "true";
            }
            if (parse.GetValue(urls) is { } given)
            {
                flags["Urls"] = given;
            }
            var app = TruceWeb.Create([.. parse.UnmatchedTokens], flags, parse.InvocationConfiguration.Output);
            await app.RunAsync();
            return ExitCodes.Ok;
        });
        return command;
    }
}
