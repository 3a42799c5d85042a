using Truce.Access;

namespace Truce.Humanitarian;

/// <summary>A road, bridge, plant, school or clinic a place depends on; its damage and repair are separate rows.</summary>
public sealed class InfrastructureAsset : IHumanitarianRecord
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public AssetKind Kind { get; set; }

    public string PlaceId { get; set; } = "";

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public Visibility Visibility { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string SubmissionHash { get; set; } = "";
}
