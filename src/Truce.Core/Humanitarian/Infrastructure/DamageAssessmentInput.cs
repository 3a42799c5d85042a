using System.ComponentModel.DataAnnotations;

namespace Truce.Humanitarian;

/// <summary>An assessment of an asset's damage at a date.</summary>
public sealed record DamageAssessmentInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public Guid? Asset { get; init; }

    [Required]
    [Slugs(typeof(DamageLevel))]
    public string? Level { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    [Required]
    public string? Date { get; init; }

    [Required]
    public string? Source { get; init; }
}
