using System.ComponentModel.DataAnnotations;

namespace Truce.Humanitarian;

/// <summary>A report of one basic service in one place.</summary>
public sealed record ServiceReportInput
{
    [Required]
    public Guid? Id { get; init; }

    /// <summary>The gazetteer place id.</summary>
    [Required]
    public string? Place { get; init; }

    [Required]
    [Slugs(typeof(ServiceKind))]
    public string? Service { get; init; }

    [Required]
    [Slugs(typeof(ServiceLevel))]
    public string? Level { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    [Required]
    public string? Date { get; init; }

    [Required]
    public string? Source { get; init; }

    /// <summary>Default: internal.</summary>
    [Slugs(typeof(Access.Visibility))]
    public string? Visibility { get; init; }
}
