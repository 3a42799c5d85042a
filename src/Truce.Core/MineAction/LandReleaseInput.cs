using System.ComponentModel.DataAnnotations;

namespace Truce.MineAction;

/// <summary>A release of land from a hazardous area: the method, the square metres and the date.</summary>
public sealed record LandReleaseInput
{
    [Required]
    [Slugs(typeof(ReleaseMethod))]
    public string? Method { get; init; }

    /// <summary>Square metres released, more than 0.</summary>
    [Required]
    public double? AreaM2 { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    [Required]
    public string? Date { get; init; }

    /// <summary>Whether the whole area is now released (its status becomes the method's); otherwise it is reduced.</summary>
    public bool Complete { get; init; }
}
