using Truce.Access;

namespace Truce.Humanitarian;

/// <summary>A project that repairs or rebuilds an asset: who pays, how far it is, when it should finish.</summary>
[ReadBy(ReadRule.WithOwner, Owner = typeof(InfrastructureAsset))]
public sealed class RehabilitationProject
{
    public Guid Id { get; set; }

    public Guid AssetId { get; set; }

    public string Name { get; set; } = "";

    public ProjectStatus Status { get; set; }

    /// <summary>Work done, 0 to 100.</summary>
    public int ProgressPercent { get; set; }

    /// <summary>In US dollars, whole dollars.</summary>
    public long? BudgetUsd { get; set; }

    public string Funder { get; set; } = "";

    public DateOnly? Starts { get; set; }

    public DateOnly? Ends { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
