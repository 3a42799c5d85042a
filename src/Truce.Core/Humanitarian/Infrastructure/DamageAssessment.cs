using Truce.Access;

namespace Truce.Humanitarian;

/// <summary>One assessment of an asset's damage at a date; the latest counts, the earlier ones stay as history.</summary>
[ReadBy(ReadRule.WithOwner, Owner = typeof(InfrastructureAsset))]
public sealed class DamageAssessment
{
    public Guid Id { get; set; }

    public Guid AssetId { get; set; }

    public DamageLevel Level { get; set; }

    public DateOnly Date { get; set; }

    public string Source { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>This assessment without the account that recorded it: the form shown outside the mission and the partners.</summary>
    public DamageAssessment WithoutRecorder()
    {
        var copy = (DamageAssessment)MemberwiseClone();
        copy.RecordedBy = "";
        return copy;
    }
}
