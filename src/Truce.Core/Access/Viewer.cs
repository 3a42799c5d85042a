namespace Truce.Access;

/// <summary>
/// Whoever is asking: a signed-in user, a token's owner, or the anonymous public. A viewer that came in
/// with a read-only token may read what its role may read, and write nothing.
/// </summary>
public sealed record Viewer(Guid? UserId, string Name, Role Role, string? PartyId, bool ReadOnly = false)
{
    public static Viewer Anonymous { get; } = new(null, "public", Role.Public, null);

    /// <summary>The actor recorded in the journal for writes made by a command-line verb.</summary>
    public static Viewer System { get; } = new(null, "system", Role.Administrator, null);

    public bool IsSignedIn => UserId is not null;

    public string JournalName => UserId is null ? Name : $"{Name} ({UserId})";
}
