using System.ComponentModel.DataAnnotations;

namespace Truce.MineAction;

/// <summary>A survey or clearance task on a hazardous area.</summary>
public sealed record ClearanceTaskInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public string? Organisation { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    [Required]
    public string? Starts { get; init; }

    /// <summary>YYYY-MM-DD, not before the start; empty while the task is open.</summary>
    public string? Ends { get; init; }
}
