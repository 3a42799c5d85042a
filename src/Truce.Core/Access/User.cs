namespace Truce.Access;

[ReadBy(ReadRule.Restricted)]
public sealed class User
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Role Role { get; set; }

    /// <summary>Required for a liaison, who belongs to exactly one party; null for everyone else.</summary>
    public string? PartyId { get; set; }

    /// <summary>The organisation a user works for (a humanitarian partner, the mission, an observer delegation).</summary>
    public string? Organisation { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; never journaled in clear.</summary>
    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed sign-ins since the last success; at <see cref="Users.MaxFailedSignIns"/> the account locks.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>
    /// Which client's failures locked the account (<see cref="Users.ClientKey"/>: a digest of its address, not the
    /// address): only that client is refused while it is locked, so nobody can lock a user out from elsewhere.
    /// </summary>
    public string? LockedClient { get; set; }

    /// <summary>
    /// A random value carried by every sign-in cookie and replaced at sign-out, so that a cookie copied before the user
    /// signed out is refused on the server (every session of the user ends, not only the one that signed out).
    /// </summary>
    public string SessionStamp { get; set; } = "";

    /// <summary>A disabled user can neither sign in nor use a token; kept so the journal's actors stay resolvable.</summary>
    public bool Disabled { get; set; }

    /// <summary>The language the user reads Truce in ("ru"), chosen on any page; null: the browser's choice.</summary>
    public string? Language { get; set; }
}
