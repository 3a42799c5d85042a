using System.Collections.Frozen;
using System.Text.Json;

namespace Truce;

/// <summary>The lower snake_case spelling used for enum values in JSON, forms, CSV and the database.</summary>
public static class Slug
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(text?.Trim() ?? "", out value);

    /// <summary>For values read back from storage, which only ever holds valid slugs.</summary>
    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}.");

    public static IEnumerable<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.ByValue.Values;

    public static string Expected<TEnum>() where TEnum : struct, Enum => string.Join(", ", All<TEnum>());

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>()
            .ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName = ByValue
            .ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
    }
}
