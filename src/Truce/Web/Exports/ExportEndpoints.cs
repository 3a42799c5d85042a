using System.Text;
using Truce.Access;
using Truce.Export;
using Truce.Storage;

namespace Truce.Web;

/// <summary>Every observation the caller may see, streamed in the formats `truce import` reads back.</summary>
internal static class ExportEndpoints
{
    public static void MapExports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exports").WithTags("Exports").Allow(AccessRule.Anyone);
        api.MapGet("/observations.geojson", Write(ExportFormat.Geojson))
            .WithSummary("Every observation the caller may see as a GeoJSON FeatureCollection, streamed; `truce import geojson --layout truce` reads it back.");
        api.MapGet("/observations.csv", Write(ExportFormat.Csv))
            .WithSummary("The same as CSV; `truce import truce` reads it back.");
        api.MapGet("/observations.hxl.csv", Write(ExportFormat.Hxl))
            .WithSummary("The same as CSV with an HXL hashtag row under the header.");
    }

    private static Func<HttpResponse, Viewer, TruceDb, CancellationToken, Task> Write(ExportFormat format) =>
        async (response, viewer, db, cancellationToken) =>
        {
            response.ContentType = ObservationExport.ContentType(format);
            // The writer buffers what Sep hands it and reaches the response only asynchronously, as Kestrel requires.
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
            await ObservationExport.WriteAsync(db, viewer, format, writer, cancellationToken);
        };
}
