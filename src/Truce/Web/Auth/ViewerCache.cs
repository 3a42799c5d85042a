using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// Who a bearer token stands for and what a signed-in user's session must match, remembered for at most
/// <see cref="Bound"/>, so that an API call or a page view does not open a unit of work and query the store to find out
/// (that query cost about fifteen times a whole echo request: docs/benchmarks.md, "Load"). The price is stated:
/// revoking a token, disabling a user, changing a role or party, or ending a session from another process takes
/// effect within <see cref="Bound"/>, not at once. Signing out in this process is at once (<see cref="Forget"/>).
/// An unknown, revoked or expired token is never remembered, so a token created a moment ago works at once.
/// </summary>
internal sealed class ViewerCache(Store store)
{
    /// <summary>The longest a revocation, disabling or role change goes unnoticed by a running server.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>Past this many entries the cache starts again empty: it only saves queries, so losing it costs nothing else.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Remembered<Viewer>> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Remembered<Session?>> _sessions = new();

    /// <summary>What a cookie's claims must still match for its session to go on.</summary>
    public sealed record Session(bool Disabled, Role Role, string? PartyId, string Stamp);

    private sealed record Remembered<T>(T Value, DateTimeOffset Until);

    /// <summary>The viewer of a live bearer token, or null for an unknown, expired or revoked one.</summary>
    public async Task<Viewer?> TokenAsync(string secret, CancellationToken cancellationToken)
    {
        var key = KeyOf(secret);
        var now = store.Clock.GetUtcNow();
        if (_tokens.TryGetValue(key, out var known) && now < known.Until)
        {
            return known.Value;
        }
        await using var db = store.Open();
        var viewer = await Users.ViewerFromTokenAsync(db, secret, cancellationToken);
        if (viewer is null)
        {
            _tokens.TryRemove(key, out _);
            return null;
        }
        Remember(_tokens, key, new Remembered<Viewer>(viewer, now + Bound));
        return viewer;
    }

    /// <summary>The session state of a user, or null when the user no longer exists.</summary>
    public async Task<Session?> SessionAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = store.Clock.GetUtcNow();
        if (_sessions.TryGetValue(userId, out var known) && now < known.Until)
        {
            return known.Value;
        }
        await using var db = store.Open();
        var session = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Session(u.Disabled, u.Role, u.PartyId, u.SessionStamp))
            .FirstOrDefaultAsync(cancellationToken);
        Remember(_sessions, userId, new Remembered<Session?>(session, now + Bound));
        return session;
    }

    /// <summary>Drops what is remembered of a user whose session this process has just ended.</summary>
    public void Forget(Guid userId) => _sessions.TryRemove(userId, out _);

    /// <summary>Drops a bearer token this process has just ended (a field session ended from its device).</summary>
    public void ForgetToken(string secret) => _tokens.TryRemove(KeyOf(secret), out _);

    // Keyed by a hash, so the cache holds no secret a memory dump could replay.
    private static string KeyOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static void Remember<TKey, T>(ConcurrentDictionary<TKey, Remembered<T>> cache, TKey key, Remembered<T> entry)
        where TKey : notnull
    {
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }
        cache[key] = entry;
    }
}
