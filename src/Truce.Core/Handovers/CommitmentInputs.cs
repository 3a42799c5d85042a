using System.ComponentModel.DataAnnotations;

namespace Truce.Handovers;

/// <summary>A new commitment of one or both parties.</summary>
public sealed record CommitmentInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public string? Title { get; init; }

    /// <summary>One or two signatory party codes.</summary>
    [Required]
    public IReadOnlyList<string>? Parties { get; init; }

    [Required]
    public string? DueAt { get; init; }

    public string? Evidence { get; init; }
}

/// <summary>A monitor's judgement of a commitment: a status and the reason for it.</summary>
public sealed record CommitmentStatusInput
{
    [Required]
    [Slugs(typeof(CommitmentStatus))]
    public string? Status { get; init; }

    [Required]
    public string? Reason { get; init; }

    /// <summary>Links or notes, added to the commitment's evidence.</summary>
    public string? Evidence { get; init; }
}
