using System.CommandLine;
using Truce.Access;
using Truce.Storage;

namespace Truce.Cli;

internal static class TokenCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "Whose token it is.", Required = true };
        var days = new Option<int?>("--days") { Description = "Days until it expires (default: 90; 0 for never)." };
        var create = new Command("create", "Create a bearer token for the API; prints it once.") { user, days };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = new Store(settings.Store, TimeProvider.System);
            if (await CliStore.NotReady(store, parse) is { } notReady)
            {
                return notReady;
            }
            var lifetimeDays = parse.GetValue(days) ?? 90;
            if (lifetimeDays < 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--days must be 0 (never expires) or more.");
                return ExitCodes.Usage;
            }
            await using var db = store.Open();
            var created = await Users.CreateTokenAsync(db, parse.GetValue(user)!, lifetimeDays == 0 ? null : TimeSpan.FromDays(lifetimeDays), cancellationToken);
            if (created.Failure is { } failure)
            {
                return await CliStore.Refuse(parse, failure);
            }
            var (token, secret) = created.Value;
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(secret);
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"Token {token.Id} for '{parse.GetValue(user)}'" + (token.ExpiresAt is { } at ? $", expires {at:yyyy-MM-dd}." : ", never expires.")
                + " Send it as: Authorization: Bearer <token>");
            return ExitCodes.Ok;
        });
        var command = new Command("token", "Manage API bearer tokens.");
        command.Subcommands.Add(create);
        return command;
    }
}
