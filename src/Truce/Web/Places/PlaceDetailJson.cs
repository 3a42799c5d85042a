using System.Globalization;
using Truce.Gazetteer;

namespace Truce.Web;

/// <summary>A place with what happened within <see cref="RadiusKm"/> of it that the viewer may see.</summary>
internal sealed record PlaceDetailJson(PlaceJson Place, double RadiusKm, PageJson<ObservationJson> Observations, PageJson<IncidentJson> Incidents)
{
    public static PlaceDetailJson From(PlaceAround around, CultureInfo culture) => new(
        PlaceJson.From(around.Hit, culture),
        PlaceAround.RadiusKm,
        new([.. around.Observations.Items.Select(ObservationJson.From)], around.Observations.PageNumber, around.Observations.PageSize,
            around.Observations.Total, around.Observations.PageCount),
        new([.. around.Incidents.Items.Select(i => IncidentJson.From(i))], around.Incidents.PageNumber, around.Incidents.PageSize,
            around.Incidents.Total, around.Incidents.PageCount));
}
