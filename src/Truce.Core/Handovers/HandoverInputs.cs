using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Truce.Handovers;

/// <summary>A new handover plan.</summary>
public sealed record PlanInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public string? Name { get; init; }
}

/// <summary>A new phase of a plan: its number in the plan and its window.</summary>
public sealed record PhaseInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public Guid? PlanId { get; init; }

    [Required]
    public int? Number { get; init; }

    [Required]
    public string? Name { get; init; }

    /// <summary>ISO 8601 with an offset.</summary>
    [Required]
    public string? StartsAt { get; init; }

    [Required]
    public string? EndsAt { get; init; }
}

/// <summary>A new handover in a phase: what, to whom, when, and its gates' parameters.</summary>
public sealed record HandoverInput
{
    [Required]
    public Guid? Id { get; init; }

    [Required]
    public Guid? PhaseId { get; init; }

    [Required]
    public string? Name { get; init; }

    /// <summary>A zone code; a zone, at least one site, or both.</summary>
    public string? Zone { get; init; }

    public IReadOnlyList<string>? Sites { get; init; }

    /// <summary>The party handing over (default: the mission's peacekeeping force).</summary>
    public string? From { get; init; }

    /// <summary>A local authority or the international observers.</summary>
    [Required]
    public string? To { get; init; }

    [Required]
    public string? ScheduledAt { get; init; }

    /// <summary>The access route: a GeoJSON LineString.</summary>
    public JsonElement? Route { get; init; }

    /// <summary>Kilometres (0.1 to 100; default 5).</summary>
    public double? QuietRadiusKm { get; init; }

    /// <summary>Days (1 to 365; default 14).</summary>
    public int? QuietDays { get; init; }

    public IReadOnlyList<Guid>? Commitments { get; init; }

    /// <summary>Manual checklist items, each a line of text.</summary>
    public IReadOnlyList<string>? Checklist { get; init; }
}

/// <summary>A move of a handover's state machine; completing with a failing gate needs override and a reason.</summary>
public sealed record TransitionInput
{
    [Required]
    [Slugs(typeof(HandoverState))]
    public string? To { get; init; }

    public string? Reason { get; init; }

    public bool? Override { get; init; }
}

/// <summary>The evidence that a checklist item is done.</summary>
public sealed record ChecklistEvidenceInput
{
    [Required]
    public string? Evidence { get; init; }
}

/// <summary>A representative's sign-off of the certificate whose content hash they saw.</summary>
public sealed record SignOffInput
{
    /// <summary>SHA-256 (hex) of the certificate's content as shown; refused when the certificate has changed since.</summary>
    [Required]
    public string? CertificateHash { get; init; }
}
