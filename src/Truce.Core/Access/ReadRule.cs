namespace Truce.Access;

/// <summary>Who reads the records of a type that has no <see cref="Visibility"/> of its own (see <see cref="ReadByAttribute"/>).</summary>
public enum ReadRule
{
    /// <summary>The mission's reference data, which everyone may read: its parties, zones and sites.</summary>
    Everyone,
    /// <summary>
    /// Read only as part of the record named by <see cref="ReadByAttribute.Owner"/>, which has a visibility and is
    /// read through <see cref="AccessPolicy.VisibleTo{T}"/> (an incident's assessments, an observation's citations).
    /// </summary>
    WithOwner,
    /// <summary>
    /// Never read by the public nor listed by visibility: read only by the verb or endpoint of an operation that
    /// <see cref="AccessPolicy.Can"/> grants (users, tokens, the journal, settings, evidence files).
    /// </summary>
    Restricted,
}
