namespace Truce.Reports;

/// <summary>
/// An incident a report cites, in its public form: the position coarsened to the public grid, no source, no analyst.
/// A disputed attribution carries the reply the party gave before publication, when it gave one.
/// </summary>
public sealed record CitedIncident(
    Guid Id, string Title, string Category, string Status, DateTimeOffset StartsAt, double Latitude, double Longitude, int PrecisionM,
    string? ZoneId, string? AttributedPartyId, string? PartyReply);
