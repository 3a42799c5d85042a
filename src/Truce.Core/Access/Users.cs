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

    public static async Task<Result<User>> AddAsync(
        TruceDb db, string name, Role role, string? partyId, string password, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var trimmed = name.Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(trimmed, "^[A-Za-z0-9._-]{2,100}$"))
        {
            errors.Add("name", "must be 2 to 100 letters, digits, dots, dashes or underscores.");
        }
        if (role == Role.Public)
        {
            errors.Add("role", "public is the role of anonymous visitors; choose monitor, analyst, liaison, humanitarian or administrator.");
        }
        if (role == Role.Liaison && string.IsNullOrWhiteSpace(partyId))
        {
            errors.Add("party", "a liaison belongs to exactly one party: name it.");
        }
        if (role != Role.Liaison && !string.IsNullOrWhiteSpace(partyId))
        {
            errors.Add("party", "only a liaison belongs to a party.");
        }
        if (partyId is not null && !await db.Parties.AnyAsync(p => p.Id == partyId, cancellationToken))
        {
            errors.Add("party", $"'{Submission.Clip(partyId)}' is not a party of this mission.");
        }
        if (password.Length < 10)
        {
            errors.Add("password", "must be at least 10 characters.");
        }
        if (errors.Any)
        {
            return errors.ToFailure("The user cannot be added.");
        }
        if (await db.Users.AnyAsync(u => u.Name == trimmed, cancellationToken))
        {
            return Failure.Field(FailureKind.Conflict, "name", $"a user named '{trimmed}' already exists.");
        }
        var user = new User
        {
            Id = Guid.NewGuid(),
            Name = trimmed,
            Role = role,
            PartyId = string.IsNullOrWhiteSpace(partyId) ? null : partyId,
            CreatedAt = Instant.Now(db.Clock),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>The user, when the name and password match; null otherwise, without saying which was wrong.</summary>
    public static async Task<User?> SignInAsync(TruceDb db, string name, string password, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Name == name.Trim(), cancellationToken);
        if (user is null)
        {
            // Spend the same work as a real check, so timing does not reveal which names exist.
            Hasher.VerifyHashedPassword(new User(), DummyHash, password);
            return null;
        }
        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    private static readonly string DummyHash = Hasher.HashPassword(new User(), "not a password of anyone");

    /// <summary>A random password that is easy to copy: 20 characters of base64url.</summary>
    public static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

    /// <summary>Creates a bearer token; the clear text is returned once and only its hash is stored.</summary>
    public static async Task<Result<(ApiToken Token, string Secret)>> CreateTokenAsync(
        TruceDb db, string userName, TimeSpan? lifetime, CancellationToken cancellationToken = default)
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
            Id = Guid.NewGuid(),
            UserId = user.Id,
            TokenHash = HashToken(secret),
            CreatedAt = now,
            ExpiresAt = lifetime is null ? null : now + lifetime.Value,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The owner of a live token, or null for an unknown, expired or revoked one.</summary>
    public static async Task<User?> FromTokenAsync(TruceDb db, string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }
        var hash = HashToken(secret);
        var now = Instant.Now(db.Clock);
        // One round trip: every API request authenticates through here.
        var found = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.Users.AsNoTracking(), t => t.UserId, u => u.Id, (t, u) => new { t.RevokedAt, t.ExpiresAt, User = u })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now)
        {
            return null;
        }
        return found.User;
    }

    public static Viewer ViewerOf(User user) => new(user.Id, user.Name, user.Role, user.PartyId);

    private static string HashToken(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
