namespace Truce.Lists;

/// <summary>
/// A record with an id and a place, so that its lists can be filtered by near, bbox and zone (see
/// <see cref="Listing.PageAsync"/>): the cell leads the index that answers those filters.
/// </summary>
public interface IPlacedRecord
{
    Guid Id { get; }

    /// <summary>Geohash of the position, the portable spatial index key.</summary>
    string Cell { get; }

    double Latitude { get; }

    double Longitude { get; }
}
