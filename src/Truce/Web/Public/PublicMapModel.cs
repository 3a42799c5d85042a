using Truce.PublicMap;

namespace Truce.Web;

/// <summary>What the page <see cref="PublicMapPage"/> shows: the public map's cells and what it does not draw.</summary>
public sealed record PublicMapModel(Chrome Chrome, GridCounts Grid) : IPageModel<PublicMapPage>;
