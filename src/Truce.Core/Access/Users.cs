using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Truce.Storage;

namespace Truce.Access;

/// <summary>Accounts, passwords and bearer tokens.</summary>
public static class Users
{
    private static readonly PasswordHasher<User> Hasher = new();

    public const string TokenPrefix = "truce_";

    /// <summary>The shortest password accepted, in characters; generated ones (<see cref="NewPassword"/>) have 20.</summary>
    public const int MinPasswordLength = 10;

    public static async Task<Result<User>> AddAsync(
        TruceDb db, string name, Role role, string? partyId, string password, string? organisation = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var trimmed = name.Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(trimmed, "^[A-Za-z0-9._-]{2,100}$"))
        {
            errors.Add("name", $"must be 2 to 100 letters, digits, dots, dashes or underscores.");
        }
        if (role == Role.Public)
        {
            errors.Add("role", $"public is the role of anonymous visitors; choose monitor, analyst, liaison, humanitarian or administrator.");
        }
        if (role == Role.Liaison && string.IsNullOrWhiteSpace(partyId))
        {
            errors.Add("party", $"a liaison belongs to exactly one party: name it.");
        }
        if (role != Role.Liaison && !string.IsNullOrWhiteSpace(partyId))
        {
            errors.Add("party", $"only a liaison belongs to a party.");
        }
        if (partyId is not null && !await db.Parties.AnyAsync(p => p.Id == partyId, cancellationToken))
        {
            errors.Add("party", $"'{Submission.Clip(partyId)}' is not a party of this mission.");
        }
        if (password.Length < MinPasswordLength)
        {
            errors.Add("password", $"must be at least {MinPasswordLength} characters.");
        }
        if (errors.Any)
        {
            return errors.ToFailure($"The user cannot be added.");
        }
        if (await db.Users.AnyAsync(u => u.Name == trimmed, cancellationToken))
        {
            return Failure.Field(FailureKind.Conflict, "name", $"a user named '{trimmed}' already exists.");
        }
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Name = trimmed,
            Role = role,
            PartyId = string.IsNullOrWhiteSpace(partyId) ? null : partyId,
            Organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(),
            CreatedAt = Instant.Now(db.Clock),
            SessionStamp = NewSessionStamp(),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Failed sign-ins in a row that lock an account, and for how long.</summary>
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Checks a name and password from a client (its address, or any name that tells one client from another). A wrong
    /// password counts towards a lockout of that client: at <see cref="MaxFailedSignIns"/> in a row it is refused, even
    /// with the right password, for <see cref="Lockout"/>; any other client still signs in, so a lockout cannot be used
    /// to keep a user (an administrator) out. Every refusal, whether the name is unknown, the password wrong, the
    /// account locked or disabled, costs one password check and one journaled write of one row (the user's failure
    /// count, or for an unknown name the mission's count of such refusals), so neither its timing nor what it stores
    /// tells them apart; the answer never says which it was.
    /// </summary>
    public static async Task<SignIn> SignInAsync(TruceDb db, string name, string password, string client, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Name == name.Trim(), cancellationToken);
        var actor = db.Actor;
        db.Actor = new Viewer(null, "sign-in", Role.Public, null);
        try
        {
            if (user is null)
            {
                Hasher.VerifyHashedPassword(new User(), DummyHash, password);
                await CountUnknownNameAsync(db, cancellationToken);
                return new SignIn(null, null);
            }
            var now = Instant.Now(db.Clock);
            var clientKey = ClientKey(client);
            var correct = Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
            var locked = user.LockedUntil > now && user.LockedClient == clientKey;
            var verified = correct && !user.Disabled && !locked;
            if (verified)
            {
                user.FailedSignIns = 0;
                if (user.LockedClient == clientKey)
                {
                    (user.LockedUntil, user.LockedClient) = (null, null);
                }
            }
            else if (++user.FailedSignIns >= MaxFailedSignIns)
            {
                // The lock moves to the client that reached the limit last; another guesser must start its own count. A
                // locked client that keeps trying reaches it again and extends its own lock.
                user.FailedSignIns = 0;
                user.LockedUntil = now + Lockout;
                user.LockedClient = clientKey;
            }
            await db.SaveChangesAsync(cancellationToken);
            return verified ? new SignIn(user, null) : new SignIn(null, locked ? user.LockedUntil : null);
        }
        finally
        {
            db.Actor = actor;
        }
    }

    /// <summary>The setting that counts refused sign-ins for names no user has: the unknown name's one write, as a wrong password's is the user's count.</summary>
    public const string UnknownNameRefusalsSetting = "sign-in:unknown-name-refusals";

    private static async Task CountUnknownNameAsync(TruceDb db, CancellationToken cancellationToken)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == UnknownNameRefusalsSetting, cancellationToken);
        if (setting is null)
        {
            db.Settings.Add(new Setting { Key = UnknownNameRefusalsSetting, Value = "1" });
        }
        else
        {
            setting.Value = (long.TryParse(setting.Value, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count + 1 : 1)
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the store keeps of a client's address: a digest, so the journal holds no one's address.</summary>
    public static string ClientKey(string client) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"truce sign-in client\n{client}")))[..32];

    /// <summary>Ends every session of the user: the cookies they carry no longer match (see <see cref="User.SessionStamp"/>).</summary>
    public static async Task SignOutAsync(TruceDb db, Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return;
        }
        user.SessionStamp = NewSessionStamp();
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string NewSessionStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static readonly string DummyHash = Hasher.HashPassword(new User(), "not a password of anyone");

    /// <summary>A random password that is easy to copy: 20 characters of base64url.</summary>
    public static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

    /// <summary>Creates a bearer token; the clear text is returned once and only its hash is stored.</summary>
    public static async Task<Result<(ApiToken Token, string Secret)>> CreateTokenAsync(
        TruceDb db, string userName, TimeSpan? lifetime, TokenScope scope = TokenScope.Write, string? name = null,
        CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Name == userName, cancellationToken);
        if (user is null)
        {
            return Failure.Field(FailureKind.NotFound, "user", $"no user is named '{Submission.Clip(userName)}'.");
        }
        var secret = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = Instant.Now(db.Clock);
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? $"token for {user.Name}" : name.Trim(),
            Scope = scope,
            TokenHash = HashToken(secret),
            CreatedAt = now,
            ExpiresAt = lifetime is null ? null : now + lifetime.Value,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The owner of a live token and the viewer it stands for, or null for an unknown, expired or revoked one.</summary>
    public static async Task<Viewer?> ViewerFromTokenAsync(TruceDb db, string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }
        var hash = HashToken(secret);
        var now = Instant.Now(db.Clock);
        var found = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.Token.RevokedAt is not null || found.Token.ExpiresAt <= now || found.User.Disabled)
        {
            return null;
        }
        return ViewerOf(found.User) with { ReadOnly = found.Token.Scope == TokenScope.Read };
    }

    /// <summary>Every token of every user, newest first, without secrets (there are none to show).</summary>
    public static Task<List<TokenListing>> ListTokensAsync(TruceDb db, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AsNoTracking().Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t, u })
            .OrderByDescending(x => x.t.CreatedAt)
            .Select(x => new TokenListing(x.t.Id, x.u.Name, x.t.Name, x.t.Scope, x.t.CreatedAt, x.t.ExpiresAt, x.t.RevokedAt))
            .ToListAsync(cancellationToken);

    public static async Task<Result<ApiToken>> RevokeTokenAsync(TruceDb db, Guid id, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return Failure.Field(FailureKind.NotFound, "id", $"no token has the id {id}.");
        }
        token.RevokedAt ??= Instant.Now(db.Clock);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public static Viewer ViewerOf(User user) => new(user.Id, user.Name, user.Role, user.PartyId);

    /// <summary>Disables or re-enables a user: a disabled user's sessions and tokens stop working at once.</summary>
    public static async Task<Result<User>> SetDisabledAsync(TruceDb db, string name, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Name == name, cancellationToken);
        if (user is null)
        {
            return Failure.Field(FailureKind.NotFound, "name", $"no user is named '{Submission.Clip(name)}'.");
        }
        user.Disabled = disabled;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>
    /// Sets a user's password (an administrator's reset): the old one stops working at once, and a lockout from
    /// failed sign-ins is lifted. Journaled like every write, with the password's hash as its SHA-256 only.
    /// </summary>
    public static async Task<Result<User>> SetPasswordAsync(TruceDb db, string name, string password, CancellationToken cancellationToken = default)
    {
        if (password.Length < MinPasswordLength)
        {
            return Failure.Field(FailureKind.Invalid, "password", $"must be at least {MinPasswordLength} characters.");
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Name == name.Trim(), cancellationToken);
        if (user is null)
        {
            return Failure.Field(FailureKind.NotFound, "name", $"no user is named '{Submission.Clip(name)}'.");
        }
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LockedClient = null;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Keeps the language a signed-in user chose on their account (the web layer checks it is one Truce offers).</summary>
    public static async Task<Result<User>> SetLanguageAsync(TruceDb db, Guid userId, string language, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Failure.NotFound("The user");
        }
        user.Language = language;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    public static Task<List<User>> ListAsync(TruceDb db, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync(cancellationToken);

    internal static string HashToken(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}

/// <summary>The outcome of a sign-in: the user, or null with the time a lockout ends when there is one.</summary>
public sealed record SignIn(User? User, DateTimeOffset? LockedUntil);

public sealed record TokenListing(Guid Id, string User, string Name, TokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);
