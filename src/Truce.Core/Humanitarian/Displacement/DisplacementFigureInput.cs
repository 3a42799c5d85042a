using System.ComponentModel.DataAnnotations;

namespace Truce.Humanitarian;

/// <summary>A figure of displacement or return for a place or a whole country at a date; at least one figure given.</summary>
public sealed record DisplacementFigureInput
{
    [Required]
    public Guid? Id { get; init; }

    /// <summary>The gazetteer place id; empty for a country-level figure.</summary>
    public string? Place { get; init; }

    /// <summary>ISO 3166-1 alpha-3 ("AZE").</summary>
    [Required]
    public string? Country { get; init; }

    /// <summary>YYYY-MM-DD: the date the figure holds at.</summary>
    [Required]
    public string? Date { get; init; }

    /// <summary>People displaced and still away (stock), persons.</summary>
    public long? DisplacedPresent { get; init; }

    /// <summary>New displacements in the period ending at the date (flow), persons.</summary>
    public long? NewDisplacement { get; init; }

    /// <summary>Returns in the period ending at the date, persons.</summary>
    public long? Returns { get; init; }

    [Required]
    public string? Source { get; init; }

    /// <summary>Default: internal.</summary>
    [Slugs(typeof(Access.Visibility))]
    public string? Visibility { get; init; }
}
