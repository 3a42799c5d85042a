using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Truce.Storage;

namespace Truce.Mission;

/// <summary>
/// The mission's own identity (name, exercise flag) and boundaries (the map's base layer), kept as settings in
/// the store, so every write is journaled; the demo fills them in like any other mission would.
/// </summary>
public static class MissionProfile
{
    public const string NameSetting = "mission.name";
    public const string ExerciseSetting = "mission.exercise";
    public const string BoundariesSetting = "mission.boundaries";

    /// <summary>Boundaries are drawn in every browser on the map page: a few MB is already slow to draw there.</summary>
    public const int MaxBoundariesBytes = 5 * 1024 * 1024;

    /// <summary>What a mission without boundaries serves: a valid, empty layer.</summary>
    public const string NoBoundaries = """{"type":"FeatureCollection","features":[]}""";

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static async Task<MissionIdentity> IdentityAsync(TruceDb db, CancellationToken cancellationToken = default)
    {
        var settings = await db.Settings.AsNoTracking()
            .Where(s => s.Key == NameSetting || s.Key == ExerciseSetting)
            .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        return new MissionIdentity(settings.GetValueOrDefault(NameSetting, MissionIdentity.DefaultName), settings.GetValueOrDefault(ExerciseSetting) == "true");
    }

    /// <summary>The mission's boundaries as a GeoJSON FeatureCollection; an empty one when none were set.</summary>
    public static async Task<string> BoundariesAsync(TruceDb db, CancellationToken cancellationToken = default) =>
        await db.Settings.AsNoTracking().Where(s => s.Key == BoundariesSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken)
        ?? NoBoundaries;

    /// <summary>Applies a change, after checking every field of it; the boundaries are stored as given (compacted), once they parse as a FeatureCollection.</summary>
    public static async Task<Result<MissionIdentity>> SetAsync(TruceDb db, MissionChange change, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var name = Submission.Text(change.Name, "name", 200, errors);
        if (change.Name is not null && string.IsNullOrWhiteSpace(change.Name))
        {
            errors.Add("name", $"must not be empty.");
        }
        var boundaries = change.BoundariesGeoJson is null ? null : Boundaries(change.BoundariesGeoJson, errors);
        if (errors.Any)
        {
            return errors.ToFailure($"The mission's settings were not changed.");
        }
        if (name is not null)
        {
            await PutAsync(db, NameSetting, name, cancellationToken);
        }
        if (change.Exercise is { } exercise)
        {
            await PutAsync(db, ExerciseSetting, exercise ? "true" : "false", cancellationToken);
        }
        if (boundaries is not null)
        {
            await PutAsync(db, BoundariesSetting, boundaries, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await IdentityAsync(db, cancellationToken);
    }

    /// <summary>The boundaries compacted, or null with the reason (and where in the file) added to <paramref name="errors"/>.</summary>
    private static string? Boundaries(string geoJson, FieldErrors errors)
    {
        if (geoJson.Length > MaxBoundariesBytes)
        {
            errors.Add("boundaries", $"is larger than {MaxBoundariesBytes / (1024 * 1024)} MB.");
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(geoJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection")
            {
                errors.Add("boundaries", $"must be a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\").");
                return null;
            }
            var features = document.RootElement.Deserialize<FeatureCollection>(GeoJsonOptions);
            for (var i = 0; i < (features?.Count ?? 0); i++)
            {
                if (features![i].Geometry is not { } geometry || !geometry.IsValid)
                {
                    errors.Add($"boundaries.features[{i}]", $"has no geometry, or an invalid one (e.g. a ring that crosses itself).");
                }
            }
            return errors.Any ? null : JsonSerializer.Serialize(document.RootElement);
        }
        catch (JsonException e)
        {
            errors.Add("boundaries", $"is not valid GeoJSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message}");
            return null;
        }
    }

    private static async Task PutAsync(TruceDb db, string key, string value, CancellationToken cancellationToken)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null)
        {
            db.Settings.Add(new Setting { Key = key, Value = value });
        }
        else
        {
            setting.Value = value;
        }
    }
}
