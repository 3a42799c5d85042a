using System.Text.Json;
using Truce.Monitoring;

namespace Truce.Import;

/// <summary>
/// Reads a GeoJSON FeatureCollection of points feature by feature, without loading the file: each
/// feature's properties are read as the layout's columns (renamed by a mapping, when the file's names
/// differ) and its point gives the latitude and longitude. Errors name the line where the feature begins.
/// </summary>
public static class GeoJsonEvents
{
    public static IEnumerable<ImportRow> Read(string path, EventLayout layout, IReadOnlyDictionary<string, string> mapping,
        string source, DateTimeOffset now)
    {
        using var stream = File.OpenRead(path);
        var scanner = new FeatureScanner(stream);
        var row = new SourceRow(layout.Columns);
        while (true)
        {
            var next = scanner.Next();
            if (next.Error is { } error)
            {
                yield return new ImportRow(next.Line, null, [new RowError(next.Line, "file", error)], Fatal: true);
                yield break;
            }
            if (next.Feature is not { } feature)
            {
                yield break;
            }
            yield return ReadFeature(feature, next.Line, row, layout, mapping, source, now);
        }
    }

    private static ImportRow ReadFeature(ReadOnlyMemory<byte> feature, int line, SourceRow row, EventLayout layout,
        IReadOnlyDictionary<string, string> mapping, string source, DateTimeOffset now)
    {
        row.Start(line);
        using var document = JsonDocument.Parse(feature);
        var root = document.RootElement;
        if (root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var column in layout.Columns)
            {
                if (properties.TryGetProperty(mapping.GetValueOrDefault(column, column), out var value) && row.TrySlot(column, out var slot))
                {
                    row.MarkPresent(column);
                    row.Set(slot, Text(value));
                }
            }
        }
        if (row[layout.IdColumn] is null && root.TryGetProperty("id", out var featureId) && row.TrySlot(layout.IdColumn, out var idSlot))
        {
            row.Set(idSlot, Text(featureId));
        }
        if (root.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
            && geometry.TryGetProperty("type", out var type) && type.ValueEquals("Point")
            && geometry.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array
            && coordinates.GetArrayLength() >= 2)
        {
            row.TrySlot(layout.LongitudeColumn, out var lon);
            row.TrySlot(layout.LatitudeColumn, out var lat);
            row.Set(lon, Text(coordinates[0]));
            row.Set(lat, Text(coordinates[1]));
        }
        else
        {
            row.Error("geometry", "must be a Point with [longitude, latitude].");
            return new ImportRow(line, null, row.TakeErrors());
        }
        var observation = layout.Map(row, source, now);
        return new ImportRow(line, row.Errors.Count == 0 ? observation : null, row.TakeErrors());
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private readonly record struct Next(ReadOnlyMemory<byte>? Feature, int Line, string? Error);

    /// <summary>
    /// Walks the JSON with a forward-only reader over a window of the file, handing out one feature's bytes
    /// at a time; the window grows only to hold the largest single feature.
    /// </summary>
    private sealed class FeatureScanner(Stream stream)
    {
        private byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private bool _final;
        private JsonReaderState _state;
        private int _line = 1;
        private bool _sawFeaturesName;
        private bool _inFeatures;
        private bool _sawFeatures;

        public Next Next()
        {
            while (true)
            {
                if (_end == _start && !_final)
                {
                    Fill();
                    continue;
                }
                var window = _buffer.AsSpan(_start, _end - _start);
                var reader = new Utf8JsonReader(window, _final, _state);
                int featureStart = -1, featureEnd = -1;
                long consumed;
                JsonReaderState state;
                try
                {
                    (consumed, state, featureStart, featureEnd) = Scan(ref reader);
                }
                catch (JsonException e)
                {
                    return new Next(null, _line + (int)(e.LineNumber ?? 0), $"is not valid JSON: {e.Message}");
                }
                if (featureStart >= 0)
                {
                    var line = _line + window[..featureStart].Count((byte)'\n');
                    _line = line + window[featureStart..featureEnd].Count((byte)'\n');
                    var feature = new ReadOnlyMemory<byte>(_buffer, _start + featureStart, featureEnd - featureStart);
                    _start += featureEnd;
                    _state = state;
                    return new Next(feature, line, null);
                }
                _line += window[..(int)consumed].Count((byte)'\n');
                _start += (int)consumed;
                _state = state;
                if (_final)
                {
                    return _sawFeatures ? new Next(null, _line, null) : new Next(null, 1, "is not a GeoJSON FeatureCollection: it has no \"features\" array.");
                }
                Fill();
            }
        }

        /// <summary>Reads tokens up to the next whole feature; returns where it lies, or how far is safely consumed.</summary>
        private (long Consumed, JsonReaderState State, int FeatureStart, int FeatureEnd) Scan(ref Utf8JsonReader reader)
        {
            while (true)
            {
                var safeConsumed = reader.BytesConsumed;
                var safeState = reader.CurrentState;
                if (!reader.Read())
                {
                    return (reader.BytesConsumed, reader.CurrentState, -1, -1);
                }
                if (!_inFeatures)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    {
                        _sawFeaturesName = reader.ValueTextEquals("features");
                    }
                    else if (_sawFeaturesName && reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == 1)
                    {
                        _inFeatures = _sawFeatures = true;
                    }
                    continue;
                }
                if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 1)
                {
                    _inFeatures = _sawFeaturesName = false;
                    continue;
                }
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        // The feature runs past the window: give back its start and read more of the file.
                        return (safeConsumed, safeState, -1, -1);
                    }
                    return (reader.BytesConsumed, reader.CurrentState, start, (int)reader.BytesConsumed);
                }
            }
        }

        private void Fill()
        {
            var remaining = _end - _start;
            if (remaining > 0 && _start == 0 && _end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            else
            {
                _buffer.AsSpan(_start, remaining).CopyTo(_buffer);
            }
            _start = 0;
            _end = remaining;
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            _final = read == 0;
        }
    }
}
