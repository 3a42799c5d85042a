using System.CommandLine;
using System.Globalization;
using Truce.Access;
using Truce.Storage;

namespace Truce.Cli;

internal static class TokenCommand
{
    public static Command Create()
    {
        var command = new Command("token", "Manage API bearer tokens: create, list, revoke.");
        command.Subcommands.Add(CreateVerb());
        command.Subcommands.Add(ListVerb());
        command.Subcommands.Add(RevokeVerb());
        return command;
    }

    /// <summary>The longest lifetime a token may be given, in days: 100 years, far inside what an instant can hold.</summary>
    private const int MaxDays = 36_500;

    private static Command CreateVerb()
    {
        var user = new Option<string>("--user") { Description = "Whose token it is.", Required = true };
        var days = new Option<int?>("--days") { Description = $"Days until it expires (default: 90; 0 for never; at most {MaxDays})." };
        var scope = new Option<string>("--scope") { Description = "read (read only) or write (everything the user's role allows; the default)." };
        scope.AcceptOnlyFromAmong([.. Slug.All<TokenScope>()]);
        var name = new Option<string?>("--name") { Description = "What the token is for, e.g. \"field tablet 3\"." };
        var create = new Command("create", "Create a bearer token for the API; prints it once on standard output.") { user, days, scope, name };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var lifetimeDays = parse.GetValue(days) ?? 90;
            if (lifetimeDays is < 0 or > MaxDays)
            {
                return await CliStore.Refuse(parse, Failure.Field(FailureKind.Invalid, "--days",
                    $"must be 0 (never expires) to {MaxDays} (100 years); {lifetimeDays} is not."));
            }
            var store = await CliStore.ReadyAsync(parse, null, cancellationToken);
            await using var db = store.Open();
            var chosen = parse.GetValue(scope) is { } text ? Slug.Parse<TokenScope>(text) : TokenScope.Write;
            var created = await Users.CreateTokenAsync(db, parse.GetValue(user)!,
                lifetimeDays == 0 ? null : TimeSpan.FromDays(lifetimeDays), chosen, parse.GetValue(name), cancellationToken);
            if (created.Failure is { } failure)
            {
                return await CliStore.Refuse(parse, failure);
            }
            var (token, secret) = created.Value;
            await parse.InvocationConfiguration.Output.WriteLineAsync(secret);
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"Token {token.Id} ({Slug.Of(token.Scope)}) for '{parse.GetValue(user)}'"
                + (token.ExpiresAt is { } at ? $", expires {at:yyyy-MM-dd}." : ", never expires.")
                + " Send it as: Authorization: Bearer <token>. Revoke it with: truce token revoke " + token.Id);
            return ExitCodes.Ok;
        });
        return create;
    }

    private static Command ListVerb()
    {
        var list = new Command("list", "List every token: id, user, name, scope, created, expires, revoked. Secrets are never shown (only their hashes are kept).");
        list.SetAction(async (parse, cancellationToken) =>
        {
            var store = await CliStore.ReadyAsync(parse, null, cancellationToken);
            await using var db = store.Open();
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync("id\tuser\tname\tscope\tcreated\texpires\trevoked");
            foreach (var t in await Users.ListTokensAsync(db, cancellationToken))
            {
                await output.WriteLineAsync(string.Join('\t', t.Id, t.User, t.Name, Slug.Of(t.Scope),
                    t.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), t.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never", t.RevokedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-"));
            }
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command RevokeVerb()
    {
        var id = new Argument<Guid>("ID") { Description = "The token's id, as `truce token list` shows it." };
        var revoke = new Command("revoke", "Revoke a token: it stops working at once.") { id };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            var store = await CliStore.ReadyAsync(parse, null, cancellationToken);
            await using var db = store.Open();
            var revoked = await Users.RevokeTokenAsync(db, parse.GetValue(id), cancellationToken);
            if (revoked.Failure is { } failure)
            {
                return await CliStore.Refuse(parse, failure);
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Revoked token {revoked.Value!.Id} at {revoked.Value.RevokedAt:yyyy-MM-dd HH:mm} UTC.");
            return ExitCodes.Ok;
        });
        return revoke;
    }
}
