namespace Truce.Access;

/// <summary>Who may read a record, besides the mission's own staff.</summary>
public enum Visibility
{
    /// <summary>Mission staff only (and the party that submitted it).</summary>
    Internal,
    /// <summary>Shared with the liaison officers of every party.</summary>
    Parties,
    /// <summary>Published to everyone.</summary>
    Public,
}
