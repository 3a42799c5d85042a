namespace Truce.Web;

internal static class HotlineEndpoints
{
    /// <summary>The hotline between the parties: its API and its pages.</summary>
    public static void MapHotline(this IEndpointRouteBuilder app)
    {
        app.MapHotlineApi();
        app.MapHotlinePages();
    }
}
