namespace Truce.Web;

internal static class MonitoringEndpoints
{
    /// <summary>Observations: the JSON API under /api/observations (with evidence) and the pages under /observations.</summary>
    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        app.MapObservationApi();
        app.MapObservationPages();
    }
}
