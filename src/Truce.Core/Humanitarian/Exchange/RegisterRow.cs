using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Truce.Humanitarian;

/// <summary>
/// One data line of a register's CSV, read cell by cell into the API's input types. A cell that is not of its column's
/// type is noted as that column's error (<see cref="Refused"/>); an empty or absent cell is "not given".
/// </summary>
public sealed class RegisterRow(RegisterTable table, IReadOnlyList<RegisterColumn> layout, string[] cells)
{
    private readonly FieldErrors _errors = new();

    /// <summary>The cells that could not be read, as a failure naming their columns; null when every cell was read.</summary>
    public Failure? Refused => _errors.Any ? _errors.ToFailure() : null;

    public string? Text(string column)
    {
        var at = table.Column(column);
        var cell = RegisterTable.Cell(cells, at);
        if (cell.Length == 0)
        {
            return null;
        }
        return layout.FirstOrDefault(c => c.Name == column) is { } known ? known.FromSpreadsheet(cell) : cell;
    }

    public Guid? Id(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (System.Guid.TryParse(text, out var id))
        {
            return id;
        }
        _errors.Add(column, $"'{Submission.Clip(text)}' is not a UUID.");
        return null;
    }

    public long? WholeNumber(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        _errors.Add(column, $"'{Submission.Clip(text)}' is not a whole number.");
        return null;
    }

    public int? SmallWholeNumber(string column)
    {
        var value = WholeNumber(column);
        if (value is { } v && v is < int.MinValue or > int.MaxValue)
        {
            _errors.Add(column, $"'{v}' is out of range.");
            return null;
        }
        return (int?)value;
    }

    public double? Degrees(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        _errors.Add(column, $"'{Submission.Clip(text)}' is not a number.");
        return null;
    }

    /// <summary>A polygon as an RFC 7946 geometry object (what the export writes) or as WKT (<c>POLYGON ((lon lat, ...))</c>).</summary>
    public JsonElement? Polygon(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        try
        {
            if (text.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(text);
                return json.RootElement.Clone();
            }
            if (new WKTReader().Read(text) is Polygon polygon)
            {
                using var json = JsonDocument.Parse(GeoJson(polygon));
                return json.RootElement.Clone();
            }
            _errors.Add(column, $"is not a polygon: give a GeoJSON Polygon or a WKT POLYGON.");
        }
        catch (Exception e) when (e is JsonException or ParseException or ArgumentException)
        {
            _errors.Add(column, $"cannot be read as a GeoJSON Polygon or a WKT POLYGON: {Submission.Clip(e.Message)}");
        }
        return null;
    }

    private static string GeoJson(Polygon polygon)
    {
        static string Ring(LineString ring) =>
            "[" + string.Join(",", ring.Coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.X:R},{c.Y:R}]"))) + "]";
        return "{\"type\":\"Polygon\",\"coordinates\":[" + string.Join(",", new[] { Ring(polygon.ExteriorRing) }.Concat(polygon.InteriorRings.Select(Ring))) + "]}";
    }
}
