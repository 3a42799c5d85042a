using System.Text;
using Truce.Import;

namespace Truce.Tests.Import;

/// <summary>Files in Truce's own export layout, written cell by cell, for import tests.</summary>
internal static class TruceFiles
{
    /// <summary>The cells of one valid row; a test replaces the ones it is about.</summary>
    public static Dictionary<string, string> Row(Guid? id = null) => new()
    {
        ["id"] = (id ?? Guid.NewGuid()).ToString("D"),
        ["source"] = "Partner NGO",
        ["source_id"] = "",
        ["source_precision"] = "",
        ["observed_from"] = "2026-11-28T06:40:00.000000Z",
        ["observed_to"] = "2026-11-28T06:40:00.000000Z",
        ["time_precision"] = "exact",
        ["latitude"] = "39.8177",
        ["longitude"] = "46.7528",
        ["location_precision_m"] = "200",
        ["area_name"] = "Khankendi",
        ["category"] = "explosion",
        ["sensor"] = "heard",
        ["count"] = "1",
        ["civilians_killed"] = "0",
        ["civilians_injured"] = "0",
        ["combatants_killed"] = "0",
        ["combatants_injured"] = "0",
        ["alleged_party"] = "",
        ["narrative"] = "An explosion.",
        ["visibility"] = "internal",
        ["incident_id"] = "",
    };

    /// <summary>A CSV of one row per change set, each applied over <see cref="Row"/>.</summary>
    public static string Write(params IReadOnlyDictionary<string, string>[] rows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("truce-import-").FullName, "truce.csv");
        var columns = TruceLayout.Layout.Select(c => c.Column).ToList();
        var text = new StringBuilder(string.Join(',', columns)).Append('\n');
        foreach (var changes in rows)
        {
            var row = Row();
            foreach (var (column, value) in changes)
            {
                row[column] = value;
            }
            text.Append(string.Join(',', columns.Select(c => Quote(row[c])))).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>The same rows as a GeoJSON FeatureCollection with Truce's properties (`--layout truce`).</summary>
    public static string WriteGeoJson(params IReadOnlyDictionary<string, string>[] rows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("truce-import-").FullName, "truce.geojson");
        using var stream = File.Create(path);
        using var json = new System.Text.Json.Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var changes in rows)
        {
            var row = Row();
            foreach (var (column, value) in changes)
            {
                row[column] = value;
            }
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteRawValue(row["longitude"]);
            json.WriteRawValue(row["latitude"]);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            foreach (var (column, value) in row)
            {
                json.WriteString(column, value);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return path;
    }
}
