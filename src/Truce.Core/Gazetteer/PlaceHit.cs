using System.Globalization;

namespace Truce.Gazetteer;

/// <summary>A place with all its names, as a search or a look-up answers it.</summary>
public sealed record PlaceHit(Place Place, IReadOnlyList<PlaceName> Names)
{
    /// <summary>The name a reader of <paramref name="culture"/> is shown (<see cref="PlaceName.For"/>).</summary>
    public string NameFor(CultureInfo culture) => PlaceName.For(Place, Names, culture);
}
