using Truce.Gazetteer;

namespace Truce.Web;

/// <summary>One name of a place as the API gives it.</summary>
internal sealed record PlaceNameJson(string Name, string Language, string Script, NameKind Kind, string? From, string? To)
{
    public static PlaceNameJson Of(PlaceName n) => new(n.Name, n.Language, n.Script, n.Kind, n.From, n.To);
}
