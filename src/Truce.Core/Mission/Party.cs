using Truce.Access;

namespace Truce.Mission;

public enum PartyKind
{
    /// <summary>A party to the ceasefire agreement.</summary>
    Signatory,
    PeacekeepingForce,
    Observers,
    LocalAuthority,
}

[ReadBy(ReadRule.Everyone)]
public sealed class Party
{
    /// <summary>A short stable code, such as "west".</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public PartyKind Kind { get; set; }
}
