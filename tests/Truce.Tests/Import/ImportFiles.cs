using System.Text.Json;
using nietras.SeparatedValues;

namespace Truce.Tests.Import;

/// <summary>The shared UCDP files, and temporary copies of them with cells changed.</summary>
internal static class ImportFiles
{
    public static string Sample1000 => TestEnvironment.SharedData("conflict_events", "ucdp_ged231_random_sample_1000.csv");

    public static string Azerbaijan => TestEnvironment.SharedData("conflict_events", "ucdp_ged231_sample_azerbaijan_rows.csv");

    public static string BangladeshHxl => TestEnvironment.SharedData("conflict_events", "ucdp_hdx_conflict_data_BGD_hxl.csv");

    public static string TempPath(string extension) => Path.Combine(Directory.CreateTempSubdirectory("truce-import-").FullName, "data" + extension);

    /// <summary>
    /// A copy of a CSV with some cells replaced, keyed by the row's index among data rows (0 = the first after
    /// the header); returns the copy and the line (as an editor numbers it) where each changed row begins.
    /// </summary>
    public static (string Path, Dictionary<int, int> Lines) Corrupt(string source, Dictionary<int, (string Column, string Value)> changes)
    {
        var path = TempPath(".csv");
        var lines = new Dictionary<int, int>();
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(source);
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        var index = 0;
        foreach (var row in reader)
        {
            using var copy = writer.NewRow(row);
            if (changes.TryGetValue(index, out var change))
            {
                copy[change.Column].Set(change.Value);
                lines[index] = row.LineNumberFrom;
            }
            index++;
        }
        return (path, lines);
    }

    /// <summary>UCDP's own GeoJSON export shape: one Point feature per event with the CSV's columns as properties.</summary>
    public static string UcdpGeoJson(string csv)
    {
        var path = TempPath(".geojson");
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(csv);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var row in reader)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteRawValue(row["longitude"].ToString());
            json.WriteRawValue(row["latitude"].ToString());
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            foreach (var name in reader.Header.ColNames)
            {
                var value = row[name].ToString();
                if (int.TryParse(value, out var number))
                {
                    json.WriteNumber(name, number);
                }
                else
                {
                    json.WriteString(name, value);
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return path;
    }
}
