using Truce.Humanitarian;

namespace Truce.Web;

/// <summary>One infrastructure asset.</summary>
public sealed record AssetJson(Guid Id, string Name, string Kind, string Place, double Latitude, double Longitude, string Visibility)
{
    public static AssetJson From(InfrastructureAsset a) => new(a.Id, a.Name, Slug.Of(a.Kind), a.PlaceId, a.Latitude, a.Longitude, Slug.Of(a.Visibility));
}
