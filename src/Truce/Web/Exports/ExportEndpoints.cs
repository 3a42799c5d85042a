using System.Text;
using Truce.Export;
using Truce.Storage;

namespace Truce.Web;

internal static class ExportEndpoints
{
    public static void MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exports").WithTags("Exports").Allow(AccessRule.Anyone);
        api.MapGet("/observations.geojson", (HttpContext context, TruceDb db) => Write(context, db, ExportFormat.Geojson))
            .WithSummary("Every observation the caller may see as a GeoJSON FeatureCollection, streamed; `truce import geojson --layout truce` reads it back.");
        api.MapGet("/observations.csv", (HttpContext context, TruceDb db) => Write(context, db, ExportFormat.Csv))
            .WithSummary("The same as CSV; `truce import truce` reads it back.");
        api.MapGet("/observations.hxl.csv", (HttpContext context, TruceDb db) => Write(context, db, ExportFormat.Hxl))
            .WithSummary("The same as CSV with an HXL hashtag row under the header.");
    }

    private static async Task Write(HttpContext context, TruceDb db, ExportFormat format)
    {
        context.Response.ContentType = ObservationExport.ContentType(format);
        // The writer buffers what Sep hands it and reaches the response only asynchronously, as Kestrel requires.
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        await ObservationExport.WriteAsync(db, context.Viewer(), format, writer, context.RequestAborted);
    }
}
