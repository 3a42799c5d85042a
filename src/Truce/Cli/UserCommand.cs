using System.CommandLine;
using Truce.Access;
using Truce.Storage;

namespace Truce.Cli;

internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The user's sign-in name." };
        var role = new Option<string>("--role")
        {
            Description = $"One of: {string.Join(", ", Slug.All<Role>().Where(r => r != "public"))}.",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. Slug.All<Role>().Where(r => r != "public")]);
        var party = new Option<string?>("--party") { Description = "The party a liaison belongs to (required for a liaison)." };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation the user works for." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one." };
        var add = new Command("add", "Add a user; prints the generated password once.") { name, role, party, organisation, passwordStdin };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var settings = TruceCli.Settings(parse);
            var store = await CliStore.ReadyAsync(parse, settings, cancellationToken);
            var (password, generated) = await PasswordAsync(parse.GetValue(passwordStdin), cancellationToken);
            await using var db = store.Open();
            var added = await Users.AddAsync(db, parse.GetValue(name)!, Slug.Parse<Role>(parse.GetValue(role)!), parse.GetValue(party), password, parse.GetValue(organisation), cancellationToken);
            if (added.Failure is { } failure)
            {
                return await CliStore.Refuse(parse, failure);
            }
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Added {Slug.Of(added.Value!.Role)} '{added.Value.Name}'" + (added.Value.PartyId is null ? "." : $" of party '{added.Value.PartyId}'."));
            if (generated)
            {
                await output.WriteLineAsync($"Password (shown once): {password}");
            }
            return ExitCodes.Ok;
        });
        var list = new Command("list", "List the users: name, role, party, organisation, state.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            var store = await CliStore.ReadyAsync(parse, null, cancellationToken);
            await using var db = store.Open();
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync("name\trole\tparty\torganisation\tstate");
            var now = Instant.Now(TimeProvider.System);
            foreach (var user in await Users.ListAsync(db, cancellationToken))
            {
                var state = user.Disabled ? "disabled" : user.LockedUntil > now ? $"locked until {user.LockedUntil:HH:mm} UTC" : "active";
                await output.WriteLineAsync(string.Join('\t', user.Name, Slug.Of(user.Role), user.PartyId ?? "-", user.Organisation ?? "-", state));
            }
            return ExitCodes.Ok;
        });
        var command = new Command("user", "Manage users: add, list, password.");
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(PasswordVerb());
        return command;
    }

    /// <summary>`truce user password NAME`: an administrator's reset, e.g. to sign in as one of the demo's users.</summary>
    private static Command PasswordVerb()
    {
        var name = new Argument<string>("NAME") { Description = "The user's sign-in name." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input instead of generating one." };
        var command = new Command("password", "Set a new password for a user (and lift a lockout); prints the generated password once.") { name, passwordStdin };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = await CliStore.ReadyAsync(parse, null, cancellationToken);
            var (password, generated) = await PasswordAsync(parse.GetValue(passwordStdin), cancellationToken);
            await using var db = store.Open();
            var set = await Users.SetPasswordAsync(db, parse.GetValue(name)!, password, cancellationToken);
            if (set.Failure is { } failure)
            {
                return await CliStore.Refuse(parse, failure);
            }
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Set a new password for {Slug.Of(set.Value!.Role)} '{set.Value.Name}'.");
            if (generated)
            {
                await output.WriteLineAsync($"Password (shown once): {password}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A generated password, or the first line of standard input with --password-stdin (so it stays out of the shell's history).</summary>
    private static async Task<(string Password, bool Generated)> PasswordAsync(bool fromStdin, CancellationToken cancellationToken) =>
        fromStdin
            ? ((await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? "", false)
            : (Users.NewPassword(), true);
}
