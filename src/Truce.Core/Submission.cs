using System.Security.Cryptography;
using System.Text.Json;

namespace Truce;

/// <summary>A client-identified write: retried with the same id and body it returns the first result.</summary>
public sealed record Submitted<T>(T Record, bool Replayed);

public static class Submission
{
    /// <summary>SHA-256 of the submission as the client sent it, to tell a retry from another body under the same id.</summary>
    public static string Hash<T>(T input) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input)));

    public static Failure IdReused(string what) => Failure.Field(FailureKind.Conflict, "id",
        $"A different {what} was already submitted with this id; a retry must repeat the same body.");

    /// <summary>
    /// Parses an ISO 8601 instant that states its offset (Z or ±hh:mm); a bare local time is ambiguous. Empty
    /// or whitespace is absent (null, no error); an instant outside <see cref="Instant.Earliest"/> ..
    /// <see cref="Instant.Latest"/> is an error, so that no caller's period arithmetic can overflow.
    /// </summary>
    public static DateTimeOffset? ParseInstant(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || System.Text.RegularExpressions.Regex.IsMatch(trimmed, @"[+-]\d\d:?\d\d$");
        if (!hasOffset || !DateTimeOffset.TryParse(trimmed, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var value))
        {
            errors.Add(field, $"'{Clip(trimmed)}' is not an ISO 8601 instant with an offset, such as 2026-11-29T08:15:00Z.");
            return null;
        }
        if (!Instant.IsAccepted(value))
        {
            errors.Add(field, $"'{Clip(trimmed)}' must be from 1900-01-01 up to 2200-01-01 (UTC).");
            return null;
        }
        return Instant.Normalize(value);
    }

    /// <summary>
    /// The one parser of a period's query parameters (lists, metrics, corroboration proposals): each an instant as
    /// <see cref="ParseInstant"/> takes it, or a plain date (2019-01-01), which for <paramref name="from"/> is the
    /// start of that day in UTC and for <paramref name="to"/> its end (its last microsecond, the finest instant stored).
    /// </summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) ParsePeriod(string? from, string? to, FieldErrors errors)
    {
        var start = IsDate(from, out var fromDay) ? Day(fromDay, "from", errors) : ParseInstant(from, "from", errors);
        var end = IsDate(to, out var toDay) ? Day(toDay, "to", errors)?.AddDays(1).AddTicks(-TimeSpan.TicksPerMicrosecond) : ParseInstant(to, "to", errors);
        if (start is not null && end is not null && end < start)
        {
            errors.Add("to", $"is before from.");
        }
        return (start, end);
    }

    /// <summary>Whether a period's parameter is a plain date (yyyy-MM-dd) rather than an instant.</summary>
    public static bool IsPlainDate(string? text) => IsDate(text, out _);

    private static bool IsDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);

    private static DateTimeOffset? Day(DateOnly day, string field, FieldErrors errors)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (!Instant.IsAccepted(start))
        {
            errors.Add(field, $"'{day:yyyy-MM-dd}' must be from 1900-01-01 up to 2200-01-01 (UTC).");
            return null;
        }
        return start;
    }

    public static string? Text(string? value, string field, int maxLength, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!Storage.StoredValue.IsValidUnicode(value))
        {
            errors.Add(field, $"is not valid Unicode text.");
            return null;
        }
        // In the form it is stored in (NFC) before its length is checked, so the store never meets a longer one.
        var trimmed = value.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters (it has {trimmed.Length}).");
            return null;
        }
        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(field, $"must not contain control characters.");
            return null;
        }
        return trimmed;
    }

    public static TEnum? Choice<TEnum>(string? value, string field, FieldErrors errors, TEnum? fallback = null)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (Slug.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }
        errors.Add(field, $"'{Clip(value)}' is not allowed: it must be one of {Slug.Expected<TEnum>()}.");
        return null;
    }

    public static int Range(int? value, string field, int min, int max, int fallback, FieldErrors errors)
    {
        if (value is null)
        {
            return fallback;
        }
        if (value < min || value > max)
        {
            errors.Add(field, $"must be between {min} and {max}.");
            return fallback;
        }
        return value.Value;
    }

    /// <summary>Echoes a bad value back in an error without letting it flood the message.</summary>
    public static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
