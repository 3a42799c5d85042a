namespace Truce.Access;

/// <summary>
/// Declares who reads a record type without a visibility of its own. Every record type of the store either
/// implements <see cref="IHasVisibility"/> or carries this attribute; a test fails for one that does neither.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadByAttribute(ReadRule rule) : Attribute
{
    public ReadRule Rule { get; } = rule;

    /// <summary>For <see cref="ReadRule.WithOwner"/>: the record type this one is read as part of.</summary>
    public Type? Owner { get; set; }
}
