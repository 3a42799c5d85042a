using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Truce.MineAction;

/// <summary>A new hazardous area.</summary>
public sealed record HazardousAreaInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public string? Name { get; init; }

    /// <summary>Default: suspected.</summary>
    [Slugs(typeof(HazardStatus))]
    public string? Status { get; init; }

    /// <summary>The gazetteer place the area lies in or nearest to (optional).</summary>
    public string? Place { get; init; }

    /// <summary>A GeoJSON Polygon, longitude first, each ring closed and not crossing itself.</summary>
    [Required]
    public JsonElement? Area { get; init; }
}

/// <summary>A land-release step: the new status and why.</summary>
public sealed record HazardStatusInput
{
    [Required]
    [Slugs(typeof(HazardStatus))]
    public string? Status { get; init; }

    [Required]
    public string? Reason { get; init; }
}
