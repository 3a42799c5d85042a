namespace Truce.Gazetteer;

/// <summary>The place nearest a point, and how far it is, in metres.</summary>
public sealed record NearPlace(PlaceHit Hit, double DistanceM);
