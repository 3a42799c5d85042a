namespace Truce.Web;

/// <summary>The phased handover, commitments and hazardous areas: the API and the pages.</summary>
internal static class HandoverEndpoints
{
    public static void MapHandover(this IEndpointRouteBuilder app)
    {
        app.MapHandoverApi();
        app.MapHandoverPages();
    }
}
