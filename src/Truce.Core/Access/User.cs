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

    /// <summary>A disabled user can neither sign in nor use a token; kept so the journal's actors stay resolvable.</summary>
    public bool Disabled { get; set; }

    /// <summary>The language the user reads Truce in ("ru"), chosen on any page; null: the browser's choice.</summary>
    public string? Language { get; set; }
}
