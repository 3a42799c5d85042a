using System.ComponentModel.DataAnnotations;

namespace Truce.MineAction;

/// <summary>Devices of one type found in a hazardous area on one date.</summary>
public sealed record DeviceFindInput
{
    [Required]
    public Guid? Id { get; init; }

    /// <summary>"anti-personnel mine", "cluster submunition"...</summary>
    [Required]
    public string? DeviceType { get; init; }

    /// <summary>How many, at least 1.</summary>
    [Required]
    public int? Count { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    [Required]
    public string? Date { get; init; }
}
