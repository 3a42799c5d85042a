using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Truce.Storage;

/// <summary>
/// The one form of every value Truce writes, and the check that a stored value is exactly that form. Values
/// are normalised once, before they are journaled and stored, so that the journal and the row hold the same
/// value on either engine: SQLite keeps an integral REAL as an integer (so -0.0 comes back as 0.0), PostgreSQL
/// keeps instants to the microsecond and in UTC, and two spellings of one Unicode text are two different
/// strings to a hash. Reading back, <see cref="Read"/> accepts only the bytes Truce itself would have written,
/// so that a value the application would read differently (a key in another letter case) is never taken as
/// the same.
/// </summary>
internal static class StoredValue
{
    /// <summary>
    /// The value as Truce stores it: +0 for -0, text in Unicode NFC, instants in UTC to the microsecond.
    /// Returns false when the value is already in that form. A NaN, an infinity or text that is not valid
    /// Unicode cannot be stored faithfully by both engines: the rules refuse them, so meeting one here is a bug.
    /// </summary>
    public static bool TryNormalize(string column, object? value, out object? normal)
    {
        normal = value;
        switch (value)
        {
            case double number:
                if (!double.IsFinite(number))
                {
                    throw new InvalidOperationException($"{column} is {number.ToString(CultureInfo.InvariantCulture)}; only finite numbers are stored.");
                }
                if (number == 0 && double.IsNegative(number))
                {
                    normal = 0.0;
                    return true;
                }
                return false;
            case string text:
                if (!IsValidUnicode(text))
                {
                    throw new InvalidOperationException($"{column} is not valid Unicode text (it holds a lone surrogate).");
                }
                if (text.IsNormalized(NormalizationForm.FormC))
                {
                    return false;
                }
                normal = text.Normalize(NormalizationForm.FormC);
                return true;
            case DateTimeOffset instant:
                var stored = Instant.Normalize(instant);
                if (stored.EqualsExact(instant))
                {
                    return false;
                }
                normal = stored;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether every UTF-16 surrogate has its pair, so that the text has a UTF-8 form.</summary>
    public static bool IsValidUnicode(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Reads one column of a raw row as the model's value, or says why the stored bytes are not what Truce
    /// writes for any value: the value is decoded, encoded again as Truce would store it, and the two must be
    /// identical (a GUID in SQLite in upper case, a slug exactly, a number bit for bit).
    /// </summary>
    public static (object? Value, string? Wrong) Read(DbDataReader reader, int ordinal, RecordColumn column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return column.Property.IsNullable ? (null, null) : (null, "is NULL, which Truce never writes there");
        }
        var raw = reader.GetValue(ordinal);
        var converter = column.Mapping.Converter;
        var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? column.Property.ClrType)
            ?? converter?.ProviderClrType ?? column.Property.ClrType;
        object? model;
        object? canonical;
        try
        {
            var provider = Decode(raw, providerType);
            model = converter is null ? provider : converter.ConvertFromProvider(provider);
            canonical = converter is null || model is null ? model : converter.ConvertToProvider(model);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            return (null, $"holds {Show(raw)}, which is not a value Truce writes there");
        }
        if (TryNormalize(column.Name, model, out _) || !Same(raw, canonical))
        {
            return (null, $"holds {Show(raw)} where Truce writes {Show(Encode(canonical, raw))}");
        }
        return (model, null);
    }

    private static object Decode(object raw, Type type) => raw switch
    {
        _ when raw.GetType() == type => raw,
        string text when type == typeof(Guid) => Guid.Parse(text, CultureInfo.InvariantCulture),
        // SQLite keeps a date as ISO 8601 text (what EF Core's SQLite provider binds); PostgreSQL as date.
        string text when type == typeof(DateOnly) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time when type == typeof(DateOnly) => DateOnly.FromDateTime(time),
        long number when type == typeof(bool) => number != 0,
        long number when type == typeof(int) => checked((int)number),
        long number when type == typeof(double) => (double)number,
        int number when type == typeof(long) => (long)number,
        DateTime time when type == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => Convert.ChangeType(raw, type, CultureInfo.InvariantCulture),
    };

    /// <summary>The canonical value in the stored form of the engine that returned <paramref name="raw"/>.</summary>
    private static object? Encode(object? canonical, object raw) => (canonical, raw) switch
    {
        // SQLite keeps a GUID as upper-case text (what EF Core's SQLite provider binds), PostgreSQL as uuid.
        (Guid guid, string) => guid.ToString("D").ToUpperInvariant(),
        (char letter, string) => letter.ToString(),
        (DateOnly date, string) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (DateOnly date, DateTime) => date.ToDateTime(TimeOnly.MinValue),
        (bool flag, long) => flag ? 1L : 0L,
        (int number, long) => (long)number,
        (double number, long) => number,
        (DateTimeOffset instant, DateTime) => instant.UtcDateTime,
        _ => canonical,
    };

    private static bool Same(object raw, object? canonical) => (raw, Encode(canonical, raw)) switch
    {
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (long a, double b) => (double)a == b && !double.IsNegative(b),
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        (DateTime a, DateTime b) => a.Ticks == b.Ticks,
        (DateTimeOffset a, DateTimeOffset b) => a.EqualsExact(b),
        (var a, var b) => a.Equals(b),
    };

    private static string Show(object? value) => value switch
    {
        null => "NULL",
        string text => "'" + Submission.Clip(text) + "'",
        byte[] bytes => $"{bytes.Length} bytes",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
