using System.Globalization;
using Truce.Gazetteer;

namespace Truce.Web;

/// <summary>What the page <see cref="PlaceDetail"/> shows.</summary>
public sealed record PlaceDetailModel(Chrome Chrome, PlaceAround Around, CultureInfo Culture) : IPageModel<PlaceDetail>;
