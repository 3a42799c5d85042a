using System.ComponentModel.DataAnnotations;

namespace Truce.Humanitarian;

/// <summary>A project repairing an asset: who pays, how far it is, when it should finish.</summary>
public sealed record RehabilitationProjectInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public Guid? Asset { get; init; }

    [Required]
    public string? Name { get; init; }

    [Required]
    [Slugs(typeof(ProjectStatus))]
    public string? Status { get; init; }

    /// <summary>Work done, 0 to 100; default 0.</summary>
    public int? ProgressPercent { get; init; }

    /// <summary>Whole US dollars, not negative.</summary>
    public long? BudgetUsd { get; init; }

    public string? Funder { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    public string? Starts { get; init; }

    /// <summary>YYYY-MM-DD, not before the start.</summary>
    public string? Ends { get; init; }
}
