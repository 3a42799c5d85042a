namespace Truce.Web;

/// <summary>What the page <see cref="MapPage"/> shows.</summary>
public sealed record MapPageModel(Chrome Chrome, string? TileUrl) : IPageModel<MapPage>;
