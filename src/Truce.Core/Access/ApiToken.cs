namespace Truce.Access;

/// <summary>What a bearer token may do on behalf of its owner.</summary>
public enum TokenScope
{
    /// <summary>Read what the owner may read; write nothing (dashboards, replicas).</summary>
    Read,
    /// <summary>Everything the owner's role allows (field clients).</summary>
    Write,
}

/// <summary>A bearer token for API and field clients. Only its SHA-256 is stored.</summary>
[ReadBy(ReadRule.Restricted)]
public sealed class ApiToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>What the token is for, so that a list of tokens can be read ("field tablet 3").</summary>
    public string Name { get; set; } = "";

    public TokenScope Scope { get; set; } = TokenScope.Write;

    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
