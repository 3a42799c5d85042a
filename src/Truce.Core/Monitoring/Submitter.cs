namespace Truce.Monitoring;

/// <summary>
/// Who submitted a report, as far as a viewer may be told (see <see cref="Observations.SubmitterAsync"/>): the party
/// whose liaison sent it (null: the mission), and the user's name for the mission's own staff only.
/// </summary>
public sealed record Submitter(string? UserName, string? PartyId, string? PartyName);
