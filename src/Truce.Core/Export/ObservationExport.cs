using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Truce.Access;
using Truce.Import;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Export;

public enum ExportFormat
{
    Geojson,
    Csv,
    Hxl,
}

/// <summary>
/// Writes the observations a viewer may see, streamed from the store, in Truce's own layout
/// (<see cref="TruceLayout"/>), which `truce import` reads back: CSV, CSV with an HXL hashtag row, or a
/// GeoJSON FeatureCollection.
/// </summary>
public static class ObservationExport
{
    public static string ContentType(ExportFormat format) => format == ExportFormat.Geojson ? "application/geo+json" : "text/csv; charset=utf-8";

    public static async IAsyncEnumerable<Observation> Visible(TruceDb db, Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Outside the mission, a report names only incidents the viewer may see (see Observations.WithoutHiddenIncidentsAsync).
        var incidents = viewer.IsMissionStaff() ? null
            : (await db.Incidents.AsNoTracking().VisibleTo(viewer).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        await foreach (var stored in db.Observations.AsNoTracking().VisibleTo(viewer).OrderBy(o => o.ObservedFrom).ThenBy(o => o.Id)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var observation = viewer.Disclose(stored, db.PublicPrecisionM);
            if (incidents is not null && observation.IncidentId is { } id && !incidents.Contains(id))
            {
                observation.IncidentId = null;
            }
            yield return observation;
        }
    }

    public static Task WriteAsync(TruceDb db, Viewer viewer, ExportFormat format, TextWriter output, CancellationToken cancellationToken = default) =>
        format == ExportFormat.Geojson
            ? WriteGeoJsonAsync(Visible(db, viewer, cancellationToken), output, cancellationToken)
            : WriteCsvAsync(Visible(db, viewer, cancellationToken), output, hxl: format == ExportFormat.Hxl, cancellationToken);

    public static async Task WriteCsvAsync(IAsyncEnumerable<Observation> observations, TextWriter output, bool hxl, CancellationToken cancellationToken)
    {
        {
            await using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
            writer.Header.Add([.. TruceLayout.Layout.Select(c => c.Column)]);
            if (hxl)
            {
                await using var tags = writer.NewRow(cancellationToken);
                for (var i = 0; i < TruceLayout.Layout.Count; i++)
                {
                    tags[i].Set(TruceLayout.Layout[i].Hxl);
                }
            }
            var written = hxl;
            await foreach (var observation in observations.WithCancellation(cancellationToken))
            {
                written = true;
                var cells = TruceLayout.Cells(observation);
                await using var row = writer.NewRow(cancellationToken);
                for (var i = 0; i < cells.Length; i++)
                {
                    row[i].Set(TruceLayout.ForSpreadsheet(TruceLayout.Layout[i].Column, cells[i] ?? ""));
                }
            }
            // A store with nothing visible still answers a header, so the file is a valid CSV of no rows.
            if (!written)
            {
                writer.Header.Write();
            }
        }
        await output.FlushAsync(cancellationToken);
    }

    public static async Task WriteGeoJsonAsync(IAsyncEnumerable<Observation> observations, TextWriter output, CancellationToken cancellationToken)
    {
        // Features are written into a small buffer and handed on as text a few at a time, whole, so no UTF-8
        // sequence is ever split and memory stays flat however many there are.
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        await foreach (var observation in observations.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", observation.Id.ToString("D"));
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(observation.Longitude);
            json.WriteNumberValue(observation.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            var cells = TruceLayout.Cells(observation);
            for (var i = 0; i < cells.Length; i++)
            {
                var column = TruceLayout.Layout[i].Column;
                if (column is "latitude" or "longitude")
                {
                    continue;
                }
                if (cells[i] is null)
                {
                    json.WriteNull(column);
                }
                else if (TruceLayout.IsNumber(column))
                {
                    json.WritePropertyName(column);
                    json.WriteRawValue(cells[i]!);
                }
                else
                {
                    json.WriteString(column, cells[i]);
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > 32 * 1024)
            {
                await HandOnAsync(json, buffer, output, cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await HandOnAsync(json, buffer, output, cancellationToken);
        await output.WriteLineAsync();
        await output.FlushAsync(cancellationToken);
    }

    private static async Task HandOnAsync(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output, CancellationToken cancellationToken)
    {
        await json.FlushAsync(cancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
        buffer.ResetWrittenCount();
    }
}
