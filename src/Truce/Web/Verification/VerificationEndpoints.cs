namespace Truce.Web;

internal static class VerificationEndpoints
{
    /// <summary>Incidents, their assessments and corroboration: the JSON API under /api and the pages under /incidents and /corroboration.</summary>
    public static void MapVerification(this IEndpointRouteBuilder app)
    {
        app.MapIncidentApi();
        app.MapCorroborationApi();
        app.MapIncidentPages();
        app.MapCorroborationPages();
    }
}
