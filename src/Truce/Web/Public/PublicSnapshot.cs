using Truce.Reports;

namespace Truce.Web;

/// <summary>
/// What the public pages show, read from the store once per journal version (<see cref="PublicCache"/>): the mission's
/// name, the published reports newest first, the parties' names, and each report's approved comments.
/// </summary>
internal sealed record PublicSnapshot(
    long Version, string MissionName, IReadOnlyList<Report> Published, IReadOnlyDictionary<string, string> Parties,
    ILookup<Guid, Comment> Comments);
