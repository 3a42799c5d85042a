namespace Truce.Access;

public sealed class User
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Role Role { get; set; }

    /// <summary>Required for a liaison, who belongs to exactly one party; null for everyone else.</summary>
    public string? PartyId { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; never journaled in clear.</summary>
    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
