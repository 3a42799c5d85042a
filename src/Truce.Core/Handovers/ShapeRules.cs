using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Truce.Geo;

namespace Truce.Handovers;

/// <summary>
/// Reads a polygon or a line given as an RFC 7946 geometry object and refuses what is not one: an unclosed ring, a
/// ring that crosses itself, a coordinate off the globe. Returns the geometry and its normalised JSON (one form, as stored).
/// </summary>
public static class ShapeRules
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static (Geometry Geometry, string Json)? Polygon(string? json, string field, FieldErrors errors)
    {
        var root = Parse(json, field, "Polygon", errors);
        if (root is null)
        {
            return null;
        }
        var rings = new List<LinearRing>();
        var r = 0;
        foreach (var ringJson in root.Value.EnumerateArray())
        {
            var points = Points(ringJson, $"{field}.coordinates[{r}]", errors);
            if (points is null)
            {
                return null;
            }
            if (points.Length < 4)
            {
                errors.Add($"{field}.coordinates[{r}]", $"a ring needs at least 4 positions (the first repeated at the end); it has {points.Length}.");
                return null;
            }
            if (!points[0].Equals2D(points[^1]))
            {
                errors.Add($"{field}.coordinates[{r}]", $"the ring is not closed: its last position must repeat its first.");
                return null;
            }
            rings.Add(Factory.CreateLinearRing(points));
            r++;
        }
        if (rings.Count == 0)
        {
            errors.Add($"{field}.coordinates", $"a polygon needs an outer ring.");
            return null;
        }
        var polygon = Factory.CreatePolygon(rings[0], [.. rings.Skip(1)]);
        var validity = new IsValidOp(polygon).ValidationError;
        if (validity is not null)
        {
            var at = validity.Coordinate;
            errors.Add($"{field}.coordinates", $"the polygon is not valid ({validity.Message}) near {at?.X ?? 0:0.#####}, {at?.Y ?? 0:0.#####}: a ring must not cross itself.");
            return null;
        }
        return (polygon, Write("Polygon", rings.Select(ring => ring.Coordinates)));
    }

    public static (Geometry Geometry, string Json)? Line(string? json, string field, FieldErrors errors)
    {
        var root = Parse(json, field, "LineString", errors);
        if (root is null)
        {
            return null;
        }
        var points = Points(root.Value, $"{field}.coordinates", errors);
        if (points is null)
        {
            return null;
        }
        if (points.Length < 2)
        {
            errors.Add($"{field}.coordinates", $"a line needs at least 2 positions.");
            return null;
        }
        var line = Factory.CreateLineString(points);
        return (line, Write("LineString", [line.Coordinates]));
    }

    /// <summary>The coordinates array of a geometry object of the expected type, or null with the error named.</summary>
    private static JsonElement? Parse(string? json, string field, string type, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            errors.Add(field, $"is required: a GeoJSON {type} geometry.");
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var t) || t.GetString() != type)
            {
                errors.Add($"{field}.type", $"must be a GeoJSON {type} geometry.");
                return null;
            }
            if (!root.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{field}.coordinates", $"is required: an array of positions.");
                return null;
            }
            return coordinates.Clone();
        }
        catch (JsonException)
        {
            errors.Add(field, $"is not JSON.");
            return null;
        }
    }

    private static Coordinate[]? Points(JsonElement array, string field, FieldErrors errors)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, $"must be an array of positions.");
            return null;
        }
        var points = new List<Coordinate>();
        var i = 0;
        foreach (var position in array.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
                || !GeoMath.IsLongitude(position[0].GetDouble()) || !GeoMath.IsLatitude(position[1].GetDouble()))
            {
                errors.Add($"{field}[{i}]", $"must be [longitude, latitude] within -180..180 and -90..90.");
                return null;
            }
            points.Add(new Coordinate(Math.Round(position[0].GetDouble(), 6), Math.Round(position[1].GetDouble(), 6)));
            i++;
        }
        return [.. points];
    }

    private static string Write(string type, IEnumerable<Coordinate[]> parts)
    {
        static string Positions(Coordinate[] points) =>
            "[" + string.Join(",", points.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{p.X},{p.Y}]"))) + "]";
        var body = type == "LineString" ? Positions(parts.First()) : "[" + string.Join(",", parts.Select(Positions)) + "]";
        return $"{{\"type\":\"{type}\",\"coordinates\":{body}}}";
    }
}
