using Truce.PublicMap;
using Truce.Reports;

namespace Truce.Web;

/// <summary>
/// What the public pages show, read from the store once per journal version (<see cref="PublicCache"/>): the mission's
/// name, the published reports newest first, the parties' names, each report's approved comments, and the public map's
/// squares at the mission's grid (a failure when the configured grid is out of range).
/// </summary>
internal sealed record PublicSnapshot(
    long Version, string MissionName, IReadOnlyList<Report> Published, IReadOnlyDictionary<string, string> Parties,
    ILookup<Guid, Comment> Comments, Result<GridCounts> Grid);
