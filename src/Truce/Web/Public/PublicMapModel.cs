using Truce.PublicMap;

namespace Truce.Web;

/// <summary>What the page <see cref="PublicMapPage"/> shows: the public map's cells, what it does not draw, and the mission's tiles if any.</summary>
public sealed record PublicMapModel(Chrome Chrome, GridCounts Grid, string? TileUrl) : IPageModel<PublicMapPage>;
