using System.ComponentModel.DataAnnotations;
using Truce.Access;

namespace Truce.Humanitarian;

/// <summary>A new infrastructure asset: what it is, where, and which place depends on it.</summary>
public sealed record InfrastructureAssetInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public string? Name { get; init; }

    [Required]
    [Slugs(typeof(AssetKind))]
    public string? Kind { get; init; }

    /// <summary>The gazetteer place id.</summary>
    [Required]
    public string? Place { get; init; }

    /// <summary>WGS84 degrees; default: the place's position.</summary>
    public double? Latitude { get; init; }

    /// <summary>WGS84 degrees; default: the place's position.</summary>
    public double? Longitude { get; init; }

    /// <summary>Default: internal.</summary>
    [Slugs(typeof(Visibility))]
    public string? Visibility { get; init; }
}
